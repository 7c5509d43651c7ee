package org.activelabeler.serving;

import com.google.gson.stream.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JSON bodies the server answers with: {@code {"predictions": [{"label": ..., "p_<class>": ..., ...}, ...]}}
 * for scores (the columns of the model's MLflow signature, one record per row, as {@code mlflow models serve}
 * answers for a model that returns a table), {@code {"error_code": ..., "message": ...}} (MLflow's shape) for errors, and the {@code /version} body.
 */
final class ScoringResponse {

    /** Each class's probability is the field {@code p_<class>}. */
    static final String PROBABILITY_PREFIX = "p_";

    private ScoringResponse() {
    }

    /** One prediction per row: the most probable class (the first of equals) and every class's probability. */
    static byte[] predictions(List<String> classNames, float[][] rows) {
        return write(json -> {
            json.beginObject().name("predictions").beginArray();
            for (float[] row : rows) {
                json.beginObject();
                json.name("label").value(classNames.get(argMax(row)));
                for (int c = 0; c < classNames.size(); c++) {
                    json.name(PROBABILITY_PREFIX + classNames.get(c)).value(row[c]);
                }
                json.endObject();
            }
            json.endArray().endObject();
        });
    }

    /** An error in MLflow's shape, with no stack trace. */
    static byte[] error(String errorCode, String message) {
        return write(json -> json.beginObject()
                .name("error_code").value(errorCode)
                .name("message").value(message)
                .endObject());
    }

    /** The app's version and what model is served. */
    static byte[] version(String appVersion, String model) {
        return write(json -> json.beginObject()
                .name("version").value(appVersion)
                .name("model").value(model)
                .endObject());
    }

    static int argMax(float[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
    }

    private interface JsonBody {
        void writeTo(JsonWriter json) throws IOException;
    }

    private static byte[] write(JsonBody body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonWriter json = new JsonWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
            body.writeTo(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON to memory", e);
        }
        return bytes.toByteArray();
    }
}
