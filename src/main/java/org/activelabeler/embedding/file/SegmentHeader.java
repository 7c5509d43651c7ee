package org.activelabeler.embedding.file;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.activelabeler.embedding.VectorSpace;

/**
 * The header of a segment file: magic {@code ALVECSEG}, format version, header length, dimensions,
 * token budget, then the encoder digest (length-prefixed UTF-8), zero-padded to a multiple of 8 bytes.
 * Big-endian, as {@link ByteBuffer} writes by default.
 */
final class SegmentHeader {
    static final byte[] MAGIC = "ALVECSEG".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    private static final int FIXED = MAGIC.length + 5 * Integer.BYTES;
    static final int MAX_LENGTH = 4096;

    private SegmentHeader() {
    }

    static ByteBuffer encode(VectorSpace space) {
        byte[] digest = space.encoderDigest().getBytes(StandardCharsets.UTF_8);
        int length = (FIXED + digest.length + 7) / 8 * 8;
        ByteBuffer buffer = ByteBuffer.allocate(length);
        buffer.put(MAGIC).putInt(VERSION).putInt(length).putInt(space.dimensions()).putInt(space.tokenBudget())
                .putInt(digest.length).put(digest);
        buffer.position(0);
        return buffer;
    }

    /**
     * The space a segment's header names and where its records start, or empty when the bytes are not a
     * complete header of this format.
     */
    static Optional<Parsed> decode(ByteBuffer bytes) {
        if (bytes.remaining() < FIXED) {
            return Optional.empty();
        }
        byte[] magic = new byte[MAGIC.length];
        bytes.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC) || bytes.getInt() != VERSION) {
            return Optional.empty();
        }
        int length = bytes.getInt();
        int dimensions = bytes.getInt();
        int budget = bytes.getInt();
        int digestLength = bytes.getInt();
        if (length > MAX_LENGTH || digestLength < 1 || FIXED + digestLength > length || bytes.remaining() < digestLength
                || dimensions < 1 || budget < 1) {
            return Optional.empty();
        }
        byte[] digest = new byte[digestLength];
        bytes.get(digest);
        return Optional.of(new Parsed(new VectorSpace(new String(digest, StandardCharsets.UTF_8), budget, dimensions),
                length));
    }

    record Parsed(VectorSpace space, int length) {
    }
}
