package org.activelabeler.embedding.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.activelabeler.embedding.Float16;
import org.activelabeler.embedding.VectorCache;
import org.activelabeler.embedding.VectorSpace;

/**
 * A {@link VectorCache} in plain files that several processes may read and write at once, without a
 * lock. Each space has a folder {@code t<budget>-d<dims>-<digest prefix>} under the root; each cache
 * instance that writes appends to a segment file of its own ({@code *.seg}, never shared, never
 * rewritten), so writers cannot interleave. A segment is a {@link SegmentHeader} naming the space,
 * then fixed-size records: the text's SHA-256 (32 bytes), the vector in half precision, and a CRC-32
 * of both. A reader takes whole records whose checksum holds and stops at the first that does not,
 * so a record torn by a crash is ignored (its text is embedded again), never read as a vector. A
 * segment appears under its name only once its header is complete (written to a temporary file and
 * renamed). Other writers' new records are picked up when a key is not found.
 *
 * <p>Thread-safe; {@link #close()} releases the open files.
 */
public final class SegmentVectorCache implements VectorCache, AutoCloseable {
    private static final int KEY_BYTES = 32;
    private static final String SEGMENT_SUFFIX = ".seg";
    private static final String TEMPORARY_PREFIX = ".writing-";
    private static final Duration STALE_TEMPORARY = Duration.ofDays(1);
    private static final int READ_BLOCK_RECORDS = 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path folder;
    private final VectorSpace space;
    private final int recordBytes;
    private final Map<Path, Segment> segments = new LinkedHashMap<>();
    private final List<Segment> byId = new ArrayList<>();
    private final Map<String, Long> index = new HashMap<>();
    private Segment own;
    private long ignoredRecords;

    private SegmentVectorCache(Path folder, VectorSpace space) {
        this.folder = folder;
        this.space = space;
        this.recordBytes = KEY_BYTES + 2 * space.dimensions() + Integer.BYTES;
    }

    /**
     * The cache of {@code space} under {@code root} (created when missing), with the vectors that all
     * writers have put so far.
     *
     * @throws UncheckedIOException when the folder cannot be created or read
     */
    public static SegmentVectorCache open(Path root, VectorSpace space) {
        Path folder = root.resolve(folderName(space));
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the vector cache folder " + folder + ": " + e.getMessage(), e);
        }
        SegmentVectorCache cache = new SegmentVectorCache(folder, space);
        cache.refresh();
        return cache;
    }

    /** {@code t256-d384-<first 16 hex of SHA-256 over digest, budget and dimensions>}. */
    static String folderName(VectorSpace space) {
        String identity = space.encoderDigest() + "\n" + space.tokenBudget() + "\n" + space.dimensions();
        return "t" + space.tokenBudget() + "-d" + space.dimensions() + "-" + sha256(identity).substring(0, 16);
    }

    @Override
    public VectorSpace space() {
        return space;
    }

    /** The folder of this space's segments. */
    public Path folder() {
        return folder;
    }

    /** How many distinct texts have a vector. */
    public synchronized int size() {
        return index.size();
    }

    /** Records skipped so far because their checksum failed: torn by a crash, or damaged. */
    public synchronized long ignoredRecords() {
        return ignoredRecords;
    }

    @Override
    public synchronized Map<String, float[]> get(Collection<String> keys) {
        if (!index.keySet().containsAll(keys)) {
            refresh();
        }
        Map<String, float[]> found = new HashMap<>();
        ByteBuffer record = ByteBuffer.allocate(recordBytes);
        for (String key : keys) {
            Long location = index.get(key);
            if (location != null && !found.containsKey(key)) {
                found.put(key, read(location, key, record));
            }
        }
        return found;
    }

    @Override
    public synchronized boolean contains(String key) {
        if (!index.containsKey(key)) {
            refresh();
        }
        return index.containsKey(key);
    }

    @Override
    public synchronized void put(Map<String, float[]> vectors) {
        Map<String, float[]> fresh = new LinkedHashMap<>();
        vectors.forEach((key, vector) -> {
            if (vector.length != space.dimensions()) {
                throw new IllegalArgumentException("A vector of " + space.dimensions() + " values was expected for "
                        + key + ", got " + vector.length);
            }
            if (!index.containsKey(key)) {
                fresh.put(key, vector);
            }
        });
        if (fresh.isEmpty()) {
            return;
        }
        ByteBuffer records = ByteBuffer.allocate(fresh.size() * recordBytes);
        fresh.forEach((key, vector) -> encode(key, vector, records));
        records.flip();
        try {
            if (own == null) {
                own = createSegment();
            }
            long start = own.indexedUpTo;
            while (records.hasRemaining()) {
                own.channel.write(records, own.indexedUpTo + records.position());
            }
            own.channel.force(false);
            long offset = start;
            for (String key : fresh.keySet()) {
                index.putIfAbsent(key, location(own.id, offset));
                offset += recordBytes;
            }
            own.indexedUpTo = offset;
        } catch (IOException e) {
            // a later put starts a new segment rather than appending behind a possibly torn record
            own = null;
            throw new UncheckedIOException("Cannot write to the vector cache " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        for (Segment segment : byId) {
            try {
                segment.channel.close();
            } catch (IOException ignored) {
                // read-only or already written and forced: nothing is lost
            }
        }
        segments.clear();
        byId.clear();
        index.clear();
        own = null;
    }

    /** Indexes new segments and the records appended to known ones since the last look. */
    private void refresh() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(SEGMENT_SUFFIX) && !segments.containsKey(file)) {
                    openSegment(file);
                } else if (name.startsWith(TEMPORARY_PREFIX)) {
                    deleteIfStale(file);
                }
            }
            for (Segment segment : byId) {
                if (segment != own) {
                    indexNewRecords(segment);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the vector cache " + folder + ": " + e.getMessage(), e);
        }
    }

    private void openSegment(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        ByteBuffer head = ByteBuffer.allocate(SegmentHeader.MAX_LENGTH);
        while (head.hasRemaining() && channel.read(head, head.position()) > 0) {
            // read the header, or as much of the file as there is
        }
        head.flip();
        var parsed = SegmentHeader.decode(head);
        if (parsed.isEmpty() || !parsed.get().space().equals(space)) {
            channel.close();
            segments.put(file, null);
            return;
        }
        Segment segment = new Segment(byId.size(), file, channel, parsed.get().length());
        segments.put(file, segment);
        byId.add(segment);
    }

    private void indexNewRecords(Segment segment) throws IOException {
        long size = segment.channel.size();
        ByteBuffer block = ByteBuffer.allocate(READ_BLOCK_RECORDS * recordBytes);
        while (segment.indexedUpTo + recordBytes <= size) {
            block.clear();
            long whole = Math.min(READ_BLOCK_RECORDS, (size - segment.indexedUpTo) / recordBytes);
            block.limit((int) whole * recordBytes);
            while (block.hasRemaining()) {
                if (segment.channel.read(block, segment.indexedUpTo + block.position()) < 0) {
                    return;
                }
            }
            block.flip();
            while (block.remaining() >= recordBytes) {
                int start = block.position();
                if (!checksumHolds(block, start)) {
                    // torn by a crash (or still being written where a file system shows a size before its bytes):
                    // stop here and look again next time; nothing behind it is trusted meanwhile
                    if (segment.ignoredAt != segment.indexedUpTo) {
                        segment.ignoredAt = segment.indexedUpTo;
                        ignoredRecords++;
                    }
                    return;
                }
                byte[] key = new byte[KEY_BYTES];
                block.get(start, key);
                index.putIfAbsent(HexFormat.of().formatHex(key), location(segment.id, segment.indexedUpTo));
                segment.indexedUpTo += recordBytes;
                block.position(start + recordBytes);
            }
        }
    }

    private Segment createSegment() throws IOException {
        String name = ProcessHandle.current().pid() + "-" + System.currentTimeMillis() + "-"
                + HexFormat.of().formatHex(randomBytes()) + SEGMENT_SUFFIX;
        Path temporary = folder.resolve(TEMPORARY_PREFIX + name);
        ByteBuffer header = SegmentHeader.encode(space);
        int headerLength = header.remaining();
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (header.hasRemaining()) {
                channel.write(header);
            }
            channel.force(true);
        }
        Path file = folder.resolve(name);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        Segment segment = new Segment(byId.size(), file, channel, headerLength);
        segments.put(file, segment);
        byId.add(segment);
        return segment;
    }

    private void encode(String key, float[] vector, ByteBuffer out) {
        int start = out.position();
        byte[] keyBytes = keyBytes(key);
        out.put(keyBytes);
        for (float v : vector) {
            out.putShort(Float16.fromFloat(v));
        }
        CRC32 crc = new CRC32();
        crc.update(out.array(), start, KEY_BYTES + 2 * vector.length);
        out.putInt((int) crc.getValue());
    }

    private boolean checksumHolds(ByteBuffer block, int start) {
        CRC32 crc = new CRC32();
        crc.update(block.array(), start, recordBytes - Integer.BYTES);
        return block.getInt(start + recordBytes - Integer.BYTES) == (int) crc.getValue();
    }

    private float[] read(long location, String key, ByteBuffer record) {
        Segment segment = byId.get((int) (location >>> 40));
        long offset = location & ((1L << 40) - 1);
        record.clear();
        try {
            while (record.hasRemaining()) {
                if (segment.channel.read(record, offset + record.position()) < 0) {
                    throw new IOException("the segment " + segment.file + " is shorter than its index");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the vector cache " + folder + ": " + e.getMessage(), e);
        }
        record.flip();
        byte[] stored = new byte[KEY_BYTES];
        record.get(stored);
        if (!java.util.Arrays.equals(stored, keyBytes(key))) {
            throw new IllegalStateException("The vector cache " + segment.file + " changed under its index at " + offset);
        }
        float[] vector = new float[space.dimensions()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = Float16.toFloat(record.getShort());
        }
        return vector;
    }

    private static long location(int segment, long offset) {
        return ((long) segment << 40) | offset;
    }

    private static byte[] keyBytes(String key) {
        if (key.length() != 2 * KEY_BYTES) {
            throw new IllegalArgumentException("A vector key is a hex SHA-256 (64 characters), got '" + key + "'");
        }
        return HexFormat.of().parseHex(key);
    }

    private static void deleteIfStale(Path file) {
        try {
            if (Files.getLastModifiedTime(file).toInstant().isBefore(Instant.now().minus(STALE_TEMPORARY))) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // another process removed or renamed it first
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Segment {
        final int id;
        final Path file;
        final FileChannel channel;
        long indexedUpTo;
        long ignoredAt = -1;

        Segment(int id, Path file, FileChannel channel, long recordsStart) {
            this.id = id;
            this.file = file;
            this.channel = channel;
            this.indexedUpTo = recordsStart;
        }
    }
}
