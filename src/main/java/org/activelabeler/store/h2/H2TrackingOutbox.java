package org.activelabeler.store.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.activelabeler.tracking.OutboxEntry;
import org.activelabeler.tracking.TrackingEvent;
import org.activelabeler.tracking.TrackingOutbox;

/** {@link TrackingOutbox} in the {@code tracking_outbox} table; each call is its own transaction. */
public final class H2TrackingOutbox implements TrackingOutbox {
    private static final int MAX_ERROR = 4000;
    private final H2Database database;

    public H2TrackingOutbox(H2Database database) {
        this.database = database;
    }

    @Override
    public void append(TrackingEvent event) {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement(
                     "INSERT INTO tracking_outbox (kind, payload, created_at) VALUES (?, ?, ?)")) {
            s.setString(1, TrackingEventCodec.kind(event));
            s.setString(2, TrackingEventCodec.toJson(event));
            s.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            s.executeUpdate();
        } catch (SQLException e) {
            throw H2Database.describe(database.folder(), e);
        }
    }

    @Override
    public List<OutboxEntry> oldest(int limit) {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT seq, kind, payload FROM tracking_outbox ORDER BY seq FETCH FIRST ? ROWS ONLY")) {
            s.setInt(1, limit);
            List<OutboxEntry> entries = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    entries.add(new OutboxEntry(seq, TrackingEventCodec.fromJson(seq, rs.getString(2),
                            rs.getString(3))));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw H2Database.describe(database.folder(), e);
        }
    }

    @Override
    public void remove(long seq) {
        update("DELETE FROM tracking_outbox WHERE seq = ?", seq, null);
    }

    @Override
    public void recordFailure(long seq, String error) {
        String text = error == null ? "unknown error" : error;
        update("UPDATE tracking_outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ?", seq,
                text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text);
    }

    @Override
    public int count() {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM tracking_outbox");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw H2Database.describe(database.folder(), e);
        }
    }

    private void update(String sql, long seq, String error) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (error != null) {
                s.setString(i++, error);
            }
            s.setLong(i, seq);
            s.executeUpdate();
        } catch (SQLException e) {
            throw H2Database.describe(database.folder(), e);
        }
    }
}
