package org.activelabeler.store.jdbc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Token ids as little-endian 32-bit integers in a byte array. */
final class TokenIdCodec {
    private TokenIdCodec() {
    }

    static byte[] encode(int[] ids) {
        ByteBuffer buffer = ByteBuffer.allocate(ids.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asIntBuffer().put(ids);
        return buffer.array();
    }

    static int[] decode(byte[] bytes) {
        int[] ids = new int[bytes.length / Integer.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(ids);
        return ids;
    }
}
