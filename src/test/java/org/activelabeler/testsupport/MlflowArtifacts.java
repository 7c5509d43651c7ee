package org.activelabeler.testsupport;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import org.mlflow.tracking.MlflowClient;

/**
 * A run's artifact listing through the REST API: the Java client's {@code listArtifacts} starts a
 * Python process for proxied ({@code mlflow-artifacts:}) stores.
 */
public final class MlflowArtifacts {
    private MlflowArtifacts() {
    }

    /** The paths directly under {@code path} ("" for the run's root), folders included. */
    public static List<String> list(MlflowClient client, String runId, String path) {
        JsonObject listing = JsonParser.parseString(client.sendGet("artifacts/list?run_id=" + runId
                + (path.isEmpty() ? "" : "&path=" + path))).getAsJsonObject();
        List<String> paths = new ArrayList<>();
        if (listing.has("files")) {
            listing.getAsJsonArray("files").forEach(f -> paths.add(f.getAsJsonObject().get("path").getAsString()));
        }
        return paths;
    }

    /** Every file of the run, in folders too, sorted. */
    public static List<String> files(MlflowClient client, String runId) {
        List<String> files = new ArrayList<>();
        collect(client, runId, "", files);
        files.sort(null);
        return files;
    }

    private static void collect(MlflowClient client, String runId, String path, List<String> files) {
        JsonObject listing = JsonParser.parseString(client.sendGet("artifacts/list?run_id=" + runId
                + (path.isEmpty() ? "" : "&path=" + path))).getAsJsonObject();
        if (!listing.has("files")) {
            return;
        }
        for (JsonElement element : listing.getAsJsonArray("files")) {
            JsonObject file = element.getAsJsonObject();
            String child = file.get("path").getAsString();
            if (file.has("is_dir") && file.get("is_dir").getAsBoolean()) {
                collect(client, runId, child, files);
            } else {
                files.add(child);
            }
        }
    }
}
