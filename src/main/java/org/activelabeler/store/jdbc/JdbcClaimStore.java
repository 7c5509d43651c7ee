package org.activelabeler.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.activelabeler.store.StoreException;
import org.activelabeler.team.ClaimStore;
import org.activelabeler.team.TeamSettings;

/**
 * {@link ClaimStore} in the {@code review_claim} table. A claim transaction first locks the dataset's row
 * ({@code SELECT ... FOR UPDATE}), so that claims on one dataset take turns: each sees every claim committed
 * before it, on H2 and on PostgreSQL alike, and no review is served to more annotators than it may have.
 * A turn is a few short statements, so annotators wait milliseconds for each other.
 */
public final class JdbcClaimStore implements ClaimStore {
    /** Who labeled each review and has not removed that label since (an undone event counts for nothing). */
    private static final String LABELERS = "SELECT DISTINCT e.review_id, e.annotator FROM label_event e"
            + " WHERE e.review_id IN (%s) AND e.action = 'LABEL' AND e.undone_at IS NULL AND e.source = 'HUMAN'"
            + " AND NOT EXISTS (SELECT 1 FROM label_event x WHERE x.review_id = e.review_id"
            + " AND x.annotator = e.annotator AND x.seq > e.seq AND x.action = 'REMOVE' AND x.undone_at IS NULL)";
    private static final String CLAIMS = "SELECT review_id, annotator FROM review_claim WHERE review_id IN (%s)";
    private final Database database;

    public JdbcClaimStore(Database database) {
        this.database = database;
    }

    @Override
    public TeamSettings settings(long datasetId) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT overlap_share, lease_seconds FROM team_setting WHERE dataset_id = ?")) {
                s.setLong(1, datasetId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? new TeamSettings(rs.getDouble(1), Duration.ofSeconds(rs.getInt(2)))
                            : TeamSettings.DEFAULT;
                }
            }
        });
    }

    @Override
    public void saveSettings(long datasetId, TeamSettings settings) {
        database.write(c -> {
            lockDataset(c, datasetId);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM team_setting WHERE dataset_id = ?");
                 PreparedStatement insert = c.prepareStatement(
                         "INSERT INTO team_setting (dataset_id, overlap_share, lease_seconds) VALUES (?, ?, ?)")) {
                delete.setLong(1, datasetId);
                delete.executeUpdate();
                insert.setLong(1, datasetId);
                insert.setDouble(2, settings.overlapShare());
                insert.setInt(3, (int) Math.max(1, settings.lease().toSeconds()));
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<Long> claim(long datasetId, String annotator, List<Long> candidates, int count) {
        if (candidates.isEmpty() || count <= 0) {
            return List.of();
        }
        TeamSettings settings = settings(datasetId);
        return database.write(c -> {
            lockDataset(c, datasetId);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            deleteExpired(c, datasetId, now);
            Map<Long, Set<String>> labelers = annotatorsOf(c, LABELERS, candidates);
            Map<Long, Set<String>> workers = annotatorsOf(c, CLAIMS, candidates);
            List<Long> claimed = new ArrayList<>(count);
            for (long reviewId : candidates) {
                Set<String> labeledBy = labelers.getOrDefault(reviewId, Set.of());
                Set<String> working = new HashSet<>(labeledBy);
                working.addAll(workers.getOrDefault(reviewId, Set.of()));
                boolean mine = working.contains(annotator);
                if (claimed.size() < count && !labeledBy.contains(annotator)
                        && (mine || working.size() < settings.labelersOf(reviewId))) {
                    claimed.add(reviewId);
                }
            }
            upsertClaims(c, datasetId, annotator, claimed, now.plus(settings.lease()));
            return claimed;
        });
    }

    @Override
    public Map<Long, Integer> claimedByOthers(long datasetId, String annotator) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT review_id, COUNT(*) FROM review_claim"
                    + " WHERE dataset_id = ? AND annotator <> ? AND expires_at >= ? GROUP BY review_id")) {
                s.setLong(1, datasetId);
                s.setString(2, annotator);
                s.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                Map<Long, Integer> claimed = new HashMap<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        claimed.put(rs.getLong(1), rs.getInt(2));
                    }
                }
                return claimed;
            }
        });
    }

    @Override
    public void release(long datasetId, String annotator, Collection<Long> reviewIds) {
        database.write(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM review_claim WHERE dataset_id = ? AND annotator = ? AND review_id = ?")) {
                for (long id : reviewIds) {
                    s.setLong(1, datasetId);
                    s.setString(2, annotator);
                    s.setLong(3, id);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    private static void lockDataset(Connection c, long datasetId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM dataset WHERE id = ? FOR UPDATE")) {
            s.setLong(1, datasetId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("There is no dataset " + datasetId + " (deleted by another client?)", null);
                }
            }
        }
    }

    private static void deleteExpired(Connection c, long datasetId, OffsetDateTime now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM review_claim WHERE dataset_id = ? AND expires_at < ?")) {
            s.setLong(1, datasetId);
            s.setObject(2, now);
            s.executeUpdate();
        }
    }

    /** The annotators {@code query} finds for each candidate (a review id, then an annotator, per row). */
    private static Map<Long, Set<String>> annotatorsOf(Connection c, String query, List<Long> candidates)
            throws SQLException {
        Map<Long, Set<String>> annotators = new HashMap<>();
        String marks = String.join(",", Collections.nCopies(candidates.size(), "?"));
        try (PreparedStatement s = c.prepareStatement(query.formatted(marks))) {
            for (int i = 0; i < candidates.size(); i++) {
                s.setLong(i + 1, candidates.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    annotators.computeIfAbsent(rs.getLong(1), id -> new HashSet<>()).add(rs.getString(2));
                }
            }
        }
        return annotators;
    }

    private static void upsertClaims(Connection c, long datasetId, String annotator, List<Long> reviewIds,
                                     OffsetDateTime expires) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM review_claim WHERE review_id = ? AND annotator = ?");
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO review_claim (dataset_id, review_id, annotator, expires_at) VALUES (?, ?, ?, ?)")) {
            for (long id : reviewIds) {
                delete.setLong(1, id);
                delete.setString(2, annotator);
                delete.addBatch();
                insert.setLong(1, datasetId);
                insert.setLong(2, id);
                insert.setString(3, annotator);
                insert.setObject(4, expires);
                insert.addBatch();
            }
            delete.executeBatch();
            insert.executeBatch();
        }
    }
}
