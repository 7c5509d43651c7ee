package org.activelabeler.modelpackage;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named one- and two-dimensional int32 and float32 arrays in the safetensors format (an 8-byte header
 * length, a JSON header, little-endian data), which numpy, PyTorch and the {@code safetensors} Python
 * package read. Written here rather than through an engine, so that the feature state needs none.
 */
final class SafeTensors {
    private static final Gson GSON = new Gson();
    private static final long MAX_HEADER = 1 << 24;

    private final Map<String, Object> arrays = new LinkedHashMap<>();
    private final Map<String, long[]> shapes = new LinkedHashMap<>();

    SafeTensors put(String name, float[] values, long... shape) {
        arrays.put(name, values);
        shapes.put(name, shape.length == 0 ? new long[] {values.length} : shape);
        return this;
    }

    SafeTensors put(String name, int[] values, long... shape) {
        arrays.put(name, values);
        shapes.put(name, shape.length == 0 ? new long[] {values.length} : shape);
        return this;
    }

    void write(Path file) {
        Map<String, Object> header = new LinkedHashMap<>();
        long offset = 0;
        for (var entry : arrays.entrySet()) {
            long bytes = 4L * length(entry.getValue());
            header.put(entry.getKey(), Map.of("dtype", entry.getValue() instanceof float[] ? "F32" : "I32",
                    "shape", shapes.get(entry.getKey()), "data_offsets", List.of(offset, offset + bytes)));
            offset += bytes;
        }
        byte[] json = GSON.toJson(header).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).array());
            out.write(json);
            for (Object values : arrays.values()) {
                ByteBuffer data = ByteBuffer.allocate(4 * length(values)).order(ByteOrder.LITTLE_ENDIAN);
                if (values instanceof float[] f) {
                    data.asFloatBuffer().put(f);
                } else {
                    data.asIntBuffer().put((int[]) values);
                }
                out.write(data.array());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** The arrays of a file, by name: {@code float[]} or {@code int[]}, flattened row-major. */
    static Map<String, Object> read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, length, file);
            long headerBytes = length.flip().getLong();
            if (headerBytes <= 0 || headerBytes > MAX_HEADER || 8 + headerBytes > channel.size()) {
                throw new IllegalArgumentException(file + " is not a safetensors file (header length " + headerBytes + ")");
            }
            ByteBuffer headerBuffer = ByteBuffer.allocate((int) headerBytes);
            readFully(channel, headerBuffer, file);
            JsonObject header = JsonParser.parseString(new String(headerBuffer.array(), StandardCharsets.UTF_8))
                    .getAsJsonObject();
            long dataStart = 8 + headerBytes;
            Map<String, Object> arrays = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> entry : header.entrySet()) {
                if (entry.getKey().equals("__metadata__")) {
                    continue;
                }
                JsonObject tensor = entry.getValue().getAsJsonObject();
                String dtype = tensor.get("dtype").getAsString();
                long begin = tensor.getAsJsonArray("data_offsets").get(0).getAsLong();
                long end = tensor.getAsJsonArray("data_offsets").get(1).getAsLong();
                if (end < begin || dataStart + end > channel.size() || (end - begin) % 4 != 0) {
                    throw new IllegalArgumentException(file + ": the array '" + entry.getKey() + "' lies outside the file");
                }
                ByteBuffer data = ByteBuffer.allocate((int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN);
                channel.position(dataStart + begin);
                readFully(channel, data, file);
                data.flip();
                switch (dtype) {
                    case "F32" -> {
                        float[] values = new float[data.remaining() / 4];
                        data.asFloatBuffer().get(values);
                        arrays.put(entry.getKey(), values);
                    }
                    case "I32" -> {
                        int[] values = new int[data.remaining() / 4];
                        data.asIntBuffer().get(values);
                        arrays.put(entry.getKey(), values);
                    }
                    default -> throw new IllegalArgumentException(file + ": the array '" + entry.getKey()
                            + "' has the type " + dtype + "; only F32 and I32 are read");
                }
            }
            return arrays;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new IllegalArgumentException(file + " is not a valid safetensors file: " + e.getMessage(), e);
        }
    }

    private static int length(Object values) {
        return values instanceof float[] f ? f.length : ((int[]) values).length;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, Path file) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new IllegalArgumentException(file + " ends early; it is truncated");
            }
        }
    }
}
