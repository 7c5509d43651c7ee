package org.activelabeler.tracking.mlflow;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonParseException;
import org.mlflow.tracking.MlflowHttpException;

/**
 * What an MLflow server's error answer says, in one line for a person: its error code and the first
 * sentence of its message. The server's own internals (the SQL it ran, its parameters, links to its
 * database library's documentation) are left out.
 */
final class ServerAnswers {
    private static final int MAX = 300;

    private ServerAnswers() {
    }

    static String brief(MlflowHttpException e) {
        return "HTTP " + e.getStatusCode() + " " + brief(e.getBodyMessage());
    }

    static String brief(String body) {
        if (body == null || body.isBlank()) {
            return "(no message)";
        }
        String code = null;
        String message = body;
        try {
            JsonElement json = JsonParser.parseString(body);
            if (json.isJsonObject()) {
                JsonObject answer = json.getAsJsonObject();
                code = answer.has("error_code") ? answer.get("error_code").getAsString() : null;
                message = answer.has("message") ? answer.get("message").getAsString() : body;
            }
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            // not JSON: an HTML error page or plain text
        }
        message = cut(message, "\n", "[SQL:", " Error: (", "(Background on this error", "<");
        if (message.length() > MAX) {
            message = message.substring(0, MAX) + "...";
        }
        return code == null ? message : code + ": " + message;
    }

    private static String cut(String text, String... markers) {
        String result = text.strip();
        for (String marker : markers) {
            int at = result.indexOf(marker);
            if (at > 0) {
                result = result.substring(0, at).strip();
            }
        }
        return result.isEmpty() ? "(no message)" : result;
    }
}
