package org.activelabeler.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.activelabeler.labeling.CurrentEvents;
import org.activelabeler.labeling.LabelAction;
import org.activelabeler.labeling.LabelEvent;
import org.activelabeler.labeling.LabelSource;
import org.activelabeler.labeling.LabelStore;
import org.activelabeler.labeling.NewLabel;
import org.activelabeler.labeling.NewRound;
import org.activelabeler.labeling.QueueEntry;
import org.activelabeler.labeling.RoundTurn;
import org.activelabeler.labeling.RoundRecord;

/** {@link LabelStore} over plain JDBC; each write is its own transaction, synced to disk before it returns. */
public final class JdbcLabelStore implements LabelStore {
    /** The lock space of retrain turns, one lock per dataset. */
    private static final int ROUND_LOCK = 1;
    /**
     * An event's review is in the dataset of the first parameter. As a semi-join, not a join, so that a query
     * walks the events and looks each review up by its key: joined, H2 walked every review of the dataset
     * instead (1.2-1.8 s against 4-110 ms at a million reviews with a few hundred labels).
     */
    private static final String IN_DATASET = "EXISTS (SELECT 1 FROM review r WHERE r.id = e.review_id"
            + " AND r.dataset_id = ?)";
    /** The newest not-undone event per review of a dataset. */
    private static final String LATEST_EVENTS = "SELECT e.review_id, e.action, e.label FROM label_event e"
            + " WHERE " + IN_DATASET + " AND e.undone_at IS NULL AND e.seq = (SELECT MAX(x.seq) FROM label_event x"
            + " WHERE x.review_id = e.review_id AND x.undone_at IS NULL)";
    private static final String CURRENT_LABELS = "SELECT e.review_id, e.label FROM label_event e"
            + " WHERE " + IN_DATASET + " AND e.action = 'LABEL'"
            + " AND e.undone_at IS NULL AND e.seq = (SELECT MAX(x.seq) FROM label_event x"
            + " WHERE x.review_id = e.review_id AND x.action IN ('LABEL', 'REMOVE') AND x.undone_at IS NULL%s)";

    private final Database database;

    public JdbcLabelStore(Database database) {
        this.database = database;
    }

    @Override
    public LabelEvent record(long reviewId, LabelAction action, int label, String annotator, LabelSource source) {
        if ((action == LabelAction.LABEL) != (label >= 0)) {
            throw new IllegalArgumentException("A LABEL event needs a class, and a SKIP or REMOVE event none");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return database.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO label_event (review_id, action, label,"
                    + " annotator, source, created_at) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                s.setLong(1, reviewId);
                s.setString(2, action.name());
                s.setObject(3, label < 0 ? null : label, Types.SMALLINT);
                s.setString(4, annotator);
                s.setString(5, source.name());
                s.setObject(6, now);
                s.executeUpdate();
                return new LabelEvent(generatedKey(s), reviewId, action, label, annotator, source, now.toInstant(),
                        null);
            }
        });
    }

    @Override
    public Optional<LabelEvent> undoLast(long datasetId, String annotator) {
        return database.write(c -> {
            LabelEvent event;
            try (PreparedStatement find = c.prepareStatement("SELECT e.seq, e.review_id, e.action, e.label,"
                    + " e.source, e.created_at FROM label_event e"
                    + " WHERE " + IN_DATASET + " AND e.annotator = ? AND e.undone_at IS NULL"
                    + " ORDER BY e.seq DESC LIMIT 1 FOR UPDATE")) {
                find.setLong(1, datasetId);
                find.setString(2, annotator);
                try (ResultSet rs = find.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    event = new LabelEvent(rs.getLong(1), rs.getLong(2), LabelAction.valueOf(rs.getString(3)),
                            label(rs, 4), annotator, LabelSource.valueOf(rs.getString(5)),
                            rs.getObject(6, OffsetDateTime.class).toInstant(), null);
                }
            }
            try (PreparedStatement undo = c.prepareStatement("UPDATE label_event SET undone_at = ? WHERE seq = ?")) {
                undo.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                undo.setLong(2, event.seq());
                undo.executeUpdate();
            }
            return Optional.of(event);
        });
    }

    @Override
    public Map<Long, Integer> currentLabels(long datasetId) {
        return labels(String.format(CURRENT_LABELS, ""), datasetId, null);
    }

    @Override
    public Map<Long, Integer> currentLabels(long datasetId, LabelSource source) {
        return labels(String.format(CURRENT_LABELS, " AND x.source = ?"), datasetId, source);
    }

    private Map<Long, Integer> labels(String sql, long datasetId, LabelSource source) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, datasetId);
                if (source != null) {
                    s.setString(2, source.name());
                }
                Map<Long, Integer> labels = new HashMap<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        labels.put(rs.getLong(1), rs.getInt(2));
                    }
                }
                return labels;
            }
        });
    }

    @Override
    public Map<Long, LabelEvent> currentEvents(long datasetId) {
        return CurrentEvents.of(events(datasetId));
    }

    @Override
    public List<LabelEvent> events(long datasetId) {
        return eventsAfter(datasetId, 0);
    }

    @Override
    public List<LabelEvent> eventsAfter(long datasetId, long afterSeq) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT e.seq, e.review_id, e.action, e.label,"
                    + " e.annotator, e.source, e.created_at, e.undone_at FROM label_event e"
                    + " WHERE " + IN_DATASET + " AND e.seq > ? ORDER BY e.seq")) {
                s.setLong(1, datasetId);
                s.setLong(2, afterSeq);
                s.setFetchSize(1000);
                List<LabelEvent> events = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        OffsetDateTime undone = rs.getObject(8, OffsetDateTime.class);
                        events.add(new LabelEvent(rs.getLong(1), rs.getLong(2), LabelAction.valueOf(rs.getString(3)),
                                label(rs, 4), rs.getString(5), LabelSource.valueOf(rs.getString(6)),
                                rs.getObject(7, OffsetDateTime.class).toInstant(),
                                undone == null ? null : undone.toInstant()));
                    }
                }
                return events;
            }
        });
    }

    @Override
    public void recordLabels(List<NewLabel> labels) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        database.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO label_event (review_id, action, label,"
                    + " annotator, source, created_at) VALUES (?, 'LABEL', ?, ?, ?, ?)")) {
                for (NewLabel label : labels) {
                    s.setLong(1, label.reviewId());
                    s.setInt(2, label.label());
                    s.setString(3, label.annotator());
                    s.setString(4, label.source().name());
                    s.setObject(5, now);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Set<Long> skipped(long datasetId) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement(LATEST_EVENTS)) {
                s.setLong(1, datasetId);
                Set<Long> skipped = new HashSet<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (LabelAction.valueOf(rs.getString(2)) == LabelAction.SKIP) {
                            skipped.add(rs.getLong(1));
                        }
                    }
                }
                return skipped;
            }
        });
    }

    @Override
    public void replaceQueue(long datasetId, List<QueueEntry> queue) {
        database.write(c -> {
            writeQueue(c, datasetId, null, queue);
            return null;
        });
    }

    private static void writeQueue(Connection c, long datasetId, Long roundId, List<QueueEntry> queue)
            throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM queue_entry WHERE dataset_id = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO queue_entry (dataset_id, rank, review_id,"
                     + " score, top_class, top_probability, strategy, round_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            delete.setLong(1, datasetId);
            delete.executeUpdate();
            for (QueueEntry entry : queue) {
                insert.setLong(1, datasetId);
                insert.setInt(2, entry.rank());
                insert.setLong(3, entry.reviewId());
                insert.setDouble(4, entry.score());
                insert.setInt(5, entry.topClass());
                insert.setDouble(6, entry.topProbability());
                insert.setString(7, entry.strategy());
                insert.setObject(8, roundId, Types.BIGINT);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public List<QueueEntry> queue(long datasetId) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT review_id, rank, score, top_class, top_probability,"
                    + " strategy FROM queue_entry WHERE dataset_id = ? ORDER BY rank")) {
                s.setLong(1, datasetId);
                List<QueueEntry> queue = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        queue.add(new QueueEntry(rs.getLong(1), rs.getInt(2), rs.getDouble(3), rs.getInt(4),
                                rs.getDouble(5), rs.getString(6)));
                    }
                }
                return queue;
            }
        });
    }

    @Override
    public RoundRecord saveRound(long datasetId, NewRound round, List<QueueEntry> queue) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return database.write(c -> {
            long id;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO training_round (dataset_id, labels, model,"
                    + " strategy, validation_accuracy, train_ms, score_ms, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setLong(1, datasetId);
                s.setInt(2, round.labels());
                s.setString(3, round.model());
                s.setString(4, round.strategy());
                s.setObject(5, Double.isNaN(round.validationAccuracy()) ? null : round.validationAccuracy(),
                        Types.DOUBLE);
                s.setLong(6, round.trainMillis());
                s.setLong(7, round.scoreMillis());
                s.setObject(8, now);
                s.executeUpdate();
                id = generatedKey(s);
            }
            writeQueue(c, datasetId, id, queue);
            return new RoundRecord(id, datasetId, round.labels(), round.model(), round.strategy(),
                    round.validationAccuracy(), round.trainMillis(), round.scoreMillis(), now.toInstant());
        });
    }

    @Override
    public List<RoundRecord> rounds(long datasetId) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, labels, model, strategy, validation_accuracy,"
                    + " train_ms, score_ms, created_at FROM training_round WHERE dataset_id = ? ORDER BY id")) {
                s.setLong(1, datasetId);
                List<RoundRecord> rounds = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        double accuracy = rs.getDouble(5);
                        if (rs.wasNull()) {
                            accuracy = Double.NaN;
                        }
                        rounds.add(new RoundRecord(rs.getLong(1), datasetId, rs.getInt(2), rs.getString(3),
                                rs.getString(4), accuracy, rs.getLong(6), rs.getLong(7),
                                rs.getObject(8, OffsetDateTime.class).toInstant()));
                    }
                }
                return rounds;
            }
        });
    }

    @Override
    public void recordAuditDraws(long datasetId, Collection<Long> reviewIds) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        database.write(c -> {
            try (PreparedStatement insert = c.prepareStatement("MERGE INTO audit_draw a"
                    + " USING (VALUES (CAST(? AS BIGINT), CAST(? AS BIGINT))) d (dataset_id, review_id)"
                    + " ON a.dataset_id = d.dataset_id AND a.review_id = d.review_id"
                    + " WHEN NOT MATCHED THEN INSERT (dataset_id, review_id, drawn_at)"
                    + " VALUES (d.dataset_id, d.review_id, ?)")) {
                for (long reviewId : reviewIds) {
                    insert.setLong(1, datasetId);
                    insert.setLong(2, reviewId);
                    insert.setObject(3, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Set<Long> auditDraws(long datasetId) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT review_id FROM audit_draw WHERE dataset_id = ?"
                    + " ORDER BY seq")) {
                s.setLong(1, datasetId);
                Set<Long> draws = new LinkedHashSet<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        draws.add(rs.getLong(1));
                    }
                }
                return draws;
            }
        });
    }

    static long generatedKey(Statement s) throws SQLException {
        try (ResultSet keys = s.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private static int label(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? LabelEvent.NO_LABEL : value;
    }

    @Override
    public Optional<RoundTurn> tryStartRound(long datasetId) {
        return database.tryLock(ROUND_LOCK, datasetId);
    }
}
