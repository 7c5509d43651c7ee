package org.activelabeler.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.activelabeler.progress.Progress;
import org.activelabeler.store.StoreException;

/**
 * Copies datasets from one database to another, H2 or PostgreSQL either way: the dataset, its label set,
 * every review with its text and token ids, every label event (annotator, source, time, undone or not),
 * the rounds, the queue, the random audit draws and the team settings. Ids are new on the target; all
 * references follow them. The target gets all of it in one transaction or nothing. Claims (a few minutes'
 * leases) and the tracking outbox (this machine's unsent records) stay where they are.
 */
public final class StoreMover {
    private static final int BATCH = 500;
    private final Database from;
    private final Database to;

    public StoreMover(Database from, Database to) {
        this.from = from;
        this.to = to;
    }

    /** What was copied. */
    public record Moved(int datasets, long reviews, long events, int rounds) {
    }

    /** Copies the datasets with these ids (all when empty). */
    public Moved copy(List<Long> datasetIds, Progress progress) {
        return to.write(target -> from.read(source -> {
            List<Long> ids = datasetIds.isEmpty() ? allDatasetIds(source) : datasetIds;
            long reviews = 0;
            long events = 0;
            int rounds = 0;
            for (long id : ids) {
                Copied copied = copyDataset(source, target, id, progress);
                reviews += copied.reviews;
                events += copied.events;
                rounds += copied.rounds;
            }
            return new Moved(ids.size(), reviews, events, rounds);
        }));
    }

    private record Copied(long reviews, long events, int rounds) {
    }

    private Copied copyDataset(Connection source, Connection target, long datasetId, Progress progress)
            throws SQLException {
        String sha = refuseDuplicate(source, target, datasetId);
        Map<Long, Long> dataset = new HashMap<>();
        copyRows(source, target, "dataset", List.of("name", "source_path", "content_sha256", "labeled",
                "row_count", "review_count", "tokenizer", "tokenizer_sha256", "imported_at", "origin"),
                "id = ?", "id", datasetId, Map.of(), null);
        long newId = single(target, "SELECT id FROM dataset WHERE content_sha256 = ?", sha);
        dataset.put(datasetId, newId);
        Map<String, Map<Long, Long>> byDataset = Map.of("dataset_id", dataset);
        copyRows(source, target, "label_class", List.of("dataset_id", "ordinal", "name"), "dataset_id = ?",
                "ordinal", datasetId, byDataset, null);
        copyRows(source, target, "team_setting", List.of("dataset_id", "overlap_share", "lease_seconds"),
                "dataset_id = ?", "dataset_id", datasetId, byDataset, null);
        long reviews = copyRows(source, target, "review", List.of("dataset_id", "ordinal", "first_line",
                "occurrences", "gold", "text", "token_ids", "source_id"), "dataset_id = ?", "ordinal", datasetId,
                byDataset, progress);
        Map<Long, Long> review = idsByOrdinal(source, datasetId);
        Map<Long, Long> newReview = idsByOrdinal(target, newId);
        Map<Long, Long> reviewIds = new HashMap<>();
        review.forEach((ordinal, oldId) -> reviewIds.put(oldId, newReview.get(ordinal)));
        Map<String, Map<Long, Long>> byReview = Map.of("review_id", reviewIds, "dataset_id", dataset);
        long events = copyRows(source, target, "label_event", List.of("review_id", "action", "label",
                "annotator", "created_at", "undone_at", "source"), "review_id IN (SELECT id FROM review WHERE"
                + " dataset_id = ?)", "seq", datasetId, byReview, null);
        Map<Long, Long> roundIds = copyRounds(source, target, datasetId, newId);
        Map<String, Map<Long, Long>> byRound = Map.of("review_id", reviewIds, "dataset_id", dataset, "round_id", roundIds);
        copyRows(source, target, "queue_entry", List.of("dataset_id", "rank", "review_id", "score",
                "top_probability", "strategy", "round_id", "top_class"), "dataset_id = ?", "rank", datasetId, byRound,
                null);
        copyRows(source, target, "audit_draw", List.of("dataset_id", "review_id", "drawn_at"), "dataset_id = ?",
                "seq", datasetId, byReview, null);
        return new Copied(reviews, events, roundIds.size());
    }

    private static String refuseDuplicate(Connection source, Connection target, long datasetId) throws SQLException {
        String sha;
        String name;
        try (PreparedStatement s = source.prepareStatement("SELECT content_sha256, name FROM dataset WHERE id = ?")) {
            s.setLong(1, datasetId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("There is no dataset " + datasetId + " to move", null);
                }
                sha = rs.getString(1);
                name = rs.getString(2);
            }
        }
        try (PreparedStatement s = target.prepareStatement("SELECT name FROM dataset WHERE content_sha256 = ?")) {
            s.setString(1, sha);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    throw new StoreException("The target already holds '" + name + "' (as '" + rs.getString(1)
                            + "', the same file): delete it there first (datasets --delete), or move the others"
                            + " with --dataset; nothing was moved", null);
                }
            }
        }
        return sha;
    }

    private static Map<Long, Long> copyRounds(Connection source, Connection target, long datasetId, long newId)
            throws SQLException {
        Map<Long, Long> ids = new HashMap<>();
        try (PreparedStatement read = source.prepareStatement("SELECT id, labels, model, strategy, validation_accuracy,"
                + " train_ms, score_ms, created_at FROM training_round WHERE dataset_id = ? ORDER BY id");
             PreparedStatement insert = target.prepareStatement("INSERT INTO training_round (dataset_id, labels, model,"
                     + " strategy, validation_accuracy, train_ms, score_ms, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     java.sql.Statement.RETURN_GENERATED_KEYS)) {
            read.setLong(1, datasetId);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    insert.setLong(1, newId);
                    insert.setInt(2, rs.getInt(2));
                    insert.setString(3, rs.getString(3));
                    insert.setString(4, rs.getString(4));
                    insert.setObject(5, rs.getObject(5));
                    insert.setLong(6, rs.getLong(6));
                    insert.setLong(7, rs.getLong(7));
                    insert.setObject(8, rs.getObject(8, OffsetDateTime.class));
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        ids.put(rs.getLong(1), keys.getLong(1));
                    }
                }
            }
        }
        return ids;
    }

    /**
     * Copies the rows of {@code table} that {@code where} selects (one parameter, {@code key}) in {@code order},
     * with the columns named, rewriting the id columns in {@code remaps}; returns how many.
     */
    private static long copyRows(Connection source, Connection target, String table,
                                 List<String> columns, String where, String order, long key,
                                 Map<String, Map<Long, Long>> remaps, Progress progress) throws SQLException {
        String list = String.join(", ", columns);
        String marks = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
        long total = progress == null ? 0 : count(source, table, where, key);
        long copied = 0;
        try (PreparedStatement read = source.prepareStatement("SELECT " + list + " FROM " + table + " WHERE " + where
                + " ORDER BY " + order);
             PreparedStatement insert = target.prepareStatement("INSERT INTO " + table + " (" + list + ") VALUES ("
                     + marks + ")")) {
            read.setLong(1, key);
            read.setFetchSize(BATCH);
            try (ResultSet rs = read.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        insert.setObject(i, value(rs, meta, i, remaps.get(columns.get(i - 1))));
                    }
                    insert.addBatch();
                    if (++copied % BATCH == 0) {
                        insert.executeBatch();
                        if (progress != null) {
                            progress.update("Moving " + table + " rows", copied, total);
                            progress.checkCancelled();
                        }
                    }
                }
            }
            insert.executeBatch();
        }
        return copied;
    }

    private static Object value(ResultSet rs, ResultSetMetaData meta, int column, Map<Long, Long> remap)
            throws SQLException {
        String type = meta.getColumnTypeName(column).toLowerCase(Locale.ROOT);
        if (remap != null) {
            long old = rs.getLong(column);
            if (rs.wasNull()) {
                return null;
            }
            Long mapped = remap.get(old);
            if (mapped == null) {
                throw new StoreException("Row refers to " + meta.getColumnName(column) + " " + old
                        + ", which was not moved", null);
            }
            return mapped;
        }
        if (type.contains("timestamp")) {
            return rs.getObject(column, OffsetDateTime.class);
        }
        if (type.contains("tinyint") || type.contains("smallint") || type.equals("int2")) {
            int value = rs.getInt(column);
            return rs.wasNull() ? null : (Object) value;
        }
        return rs.getObject(column);
    }

    private static long count(Connection c, String table, String where, long key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + where)) {
            s.setLong(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Map<Long, Long> idsByOrdinal(Connection c, long datasetId) throws SQLException {
        Map<Long, Long> ids = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT ordinal, id FROM review WHERE dataset_id = ?")) {
            s.setLong(1, datasetId);
            s.setFetchSize(BATCH);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        return ids;
    }

    private static long single(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<Long> allDatasetIds(Connection c) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM dataset ORDER BY id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
