package org.activelabeler.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.activelabeler.tracking.OutboxEntry;
import org.activelabeler.tracking.TrackingEvent;
import org.activelabeler.tracking.TrackingOutbox;

/**
 * {@link TrackingOutbox} in the {@code tracking_outbox} table; each write is its own durable transaction. Each
 * client sees only the records it made ({@code owner}): on a team's database, another client's records point
 * to files on another machine.
 */
public final class JdbcTrackingOutbox implements TrackingOutbox {
    private static final int MAX_ERROR = 4000;
    private final Database database;
    private final String owner;

    /** The outbox of a data folder's single process. */
    public JdbcTrackingOutbox(Database database) {
        this(database, "");
    }

    /** @param owner this client, as it names itself on a shared database (its machine and local folder) */
    public JdbcTrackingOutbox(Database database, String owner) {
        this.database = database;
        this.owner = owner;
    }

    @Override
    public void append(TrackingEvent event, String target) {
        database.write(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO tracking_outbox (kind, payload, created_at, target, owner) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, TrackingEventCodec.kind(event));
                s.setString(2, TrackingEventCodec.toJson(event));
                s.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                s.setString(4, target);
                s.setString(5, owner);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public List<OutboxEntry> after(long afterSeq, int limit) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT seq, kind, payload, target FROM tracking_outbox"
                    + " WHERE seq > ? AND owner = ? ORDER BY seq FETCH FIRST ? ROWS ONLY")) {
                s.setLong(1, afterSeq);
                s.setString(2, owner);
                s.setInt(3, limit);
                List<OutboxEntry> entries = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long seq = rs.getLong(1);
                        entries.add(new OutboxEntry(seq, TrackingEventCodec.fromJson(seq, rs.getString(2),
                                rs.getString(3)), rs.getString(4)));
                    }
                }
                return entries;
            }
        });
    }

    @Override
    public void remove(long seq) {
        update("DELETE FROM tracking_outbox WHERE seq = ?", seq);
    }

    @Override
    public void recordFailure(long seq, String error) {
        String text = error == null ? "unknown error" : error;
        update("UPDATE tracking_outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ?", seq,
                text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text);
    }

    @Override
    public int retarget(String from, String to) {
        return database.write(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE tracking_outbox SET target = ? WHERE target = ? AND owner = ?")) {
                s.setString(1, to);
                s.setString(2, from);
                s.setString(3, owner);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public int count() {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM tracking_outbox WHERE owner = ?")) {
                s.setString(1, owner);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private void update(String sql, long seq, String... text) {
        database.write(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = 1;
                for (String value : text) {
                    s.setString(i++, value);
                }
                s.setLong(i, seq);
                return s.executeUpdate();
            }
        });
    }
}
