package org.activelabeler.tracking.mlflow;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;

/**
 * An MLflow tracking server's http(s) address and the credentials from the environment
 * ({@code MLFLOW_TRACKING_TOKEN}, or {@code MLFLOW_TRACKING_USERNAME} and {@code _PASSWORD}).
 * Credentials go into request headers only; {@link #toString} and messages show the address alone.
 */
public final class MlflowEndpoint {
    private final URI uri;
    private final String token;
    private final String username;
    private final String password;

    private MlflowEndpoint(URI uri, String token, String username, String password) {
        this.uri = uri;
        this.token = token;
        this.username = username;
        this.password = password;
    }

    public static MlflowEndpoint of(String trackingUri, Map<String, String> env) {
        URI uri = parse(trackingUri);
        String token = blankToNull(env.get("MLFLOW_TRACKING_TOKEN"));
        String username = blankToNull(env.get("MLFLOW_TRACKING_USERNAME"));
        String password = env.get("MLFLOW_TRACKING_PASSWORD");
        if (username != null && password == null) {
            throw new IllegalArgumentException("MLFLOW_TRACKING_USERNAME is set but MLFLOW_TRACKING_PASSWORD is not");
        }
        return new MlflowEndpoint(uri, token, username, password);
    }

    private static URI parse(String trackingUri) {
        URI uri;
        String shown = redact(trackingUri);
        try {
            uri = URI.create(trackingUri.strip().replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The tracking URI '" + shown + "' is not a valid URI");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("The tracking URI '" + shown + "' is not supported: the MLflow"
                    + " Java client talks to a tracking server over http(s); start `mlflow server` and give its"
                    + " address, for example http://127.0.0.1:5000");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("Put MLflow credentials in MLFLOW_TRACKING_USERNAME and"
                    + " MLFLOW_TRACKING_PASSWORD, not in the tracking URI");
        }
        return uri;
    }

    /** The URI as text without its user info ({@code user:password@}), for any message or log. */
    public static String redact(String uri) {
        return uri == null ? null : uri.replaceAll("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@]*@", "$1");
    }

    public URI uri() {
        return uri;
    }

    /** A new Java client for this server; the caller closes it. */
    public MlflowClient newClient() {
        String host = uri.toString();
        if (token != null) {
            return new MlflowClient(new BasicMlflowHostCreds(host, token));
        }
        if (username != null) {
            return new MlflowClient(new BasicMlflowHostCreds(host, username, password));
        }
        return new MlflowClient(new BasicMlflowHostCreds(host));
    }

    /** A request to a path under the server's address, with the credentials' header. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        } else if (username != null) {
            String pair = username + ":" + password;
            builder.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    @Override
    public String toString() {
        return uri.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
