package org.activelabeler.store.jdbc;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.util.Map;
import org.activelabeler.store.StoreException;
import org.activelabeler.tracking.ModelRegistration;
import org.activelabeler.tracking.RunData;
import org.activelabeler.tracking.RunEnd;
import org.activelabeler.tracking.RunStart;
import org.activelabeler.tracking.SharedFiles;
import org.activelabeler.tracking.TrackingEvent;

/** Tracking records as JSON for the outbox table; the kind column names the record type. */
final class TrackingEventCodec {
    private static final Map<String, Class<? extends TrackingEvent>> KINDS = Map.of(
            "run_start", RunStart.class,
            "run_data", RunData.class,
            "model_registration", ModelRegistration.class,
            "run_end", RunEnd.class,
            "shared_files", SharedFiles.class);
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    private TrackingEventCodec() {
    }

    static String kind(TrackingEvent event) {
        return KINDS.entrySet().stream().filter(e -> e.getValue() == event.getClass()).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("Unknown tracking record " + event));
    }

    static String toJson(TrackingEvent event) {
        return GSON.toJson(event);
    }

    static TrackingEvent fromJson(long seq, String kind, String json) {
        Class<? extends TrackingEvent> type = KINDS.get(kind);
        if (type == null) {
            throw new StoreException("Outbox record " + seq + " has the unknown kind '" + kind + "'", null);
        }
        try {
            return GSON.fromJson(json, type);
        } catch (JsonParseException e) {
            throw new StoreException("Outbox record " + seq + " is not a valid " + kind + ": " + e.getMessage(), e);
        }
    }
}
