package org.activelabeler.tracking.mlflow;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.activelabeler.tracking.ArtifactFile;
import org.activelabeler.tracking.ServerUnavailableException;
import org.activelabeler.tracking.TrackingException;

/**
 * Uploads run artifacts over HTTP through the tracking server's artifact proxy
 * ({@code PUT /api/2.0/mlflow-artifacts/artifacts/...}); the Java client's own upload needs Python.
 */
final class ArtifactUploader {
    static final String PROXY_SCHEME = "mlflow-artifacts";
    static final String PROXY_PATH = "/api/2.0/mlflow-artifacts/artifacts/";
    private final MlflowEndpoint endpoint;
    private final HttpClient http;

    ArtifactUploader(MlflowEndpoint endpoint, HttpClient http) {
        this.endpoint = endpoint;
        this.http = http;
    }

    /** @param artifactUri the run's artifact URI, {@code mlflow-artifacts:/<experiment>/<run>/artifacts} */
    void upload(String artifactUri, ArtifactFile file) {
        String path = proxyPath(endpoint, artifactUri, file.artifactPath());
        HttpRequest request;
        try {
            request = endpoint.request(path).timeout(Duration.ofMinutes(5))
                    .PUT(HttpRequest.BodyPublishers.ofFile(Path.of(file.localPath()))).build();
        } catch (FileNotFoundException e) {
            throw new TrackingException("The artifact file " + file.localPath() + " is gone; it was to become "
                    + file.artifactPath() + " of " + artifactUri, e);
        }
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                String message = "Uploading " + file.artifactPath() + " to " + endpoint + " failed: HTTP "
                        + response.statusCode() + " " + ServerAnswers.brief(response.body());
                if (response.statusCode() >= 500 || response.statusCode() == 429) {
                    throw new ServerUnavailableException(message, null);
                }
                throw new TrackingException(message);
            }
        } catch (IOException e) {
            throw new ServerUnavailableException("Uploading " + file.artifactPath() + " to " + endpoint + " failed: "
                    + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrackingException("Uploading " + file.artifactPath() + " was interrupted", e);
        }
    }

    /** The artifact proxy's path of a file in a run's {@code mlflow-artifacts:/} location. */
    static String proxyPath(MlflowEndpoint endpoint, String artifactUri, String artifactPath) {
        URI root = URI.create(artifactUri);
        if (!PROXY_SCHEME.equals(root.getScheme())) {
            throw new TrackingException("The MLflow server at " + endpoint + " keeps this run's artifacts at "
                    + artifactUri + ", which cannot be reached over HTTP; start `mlflow server` with artifact"
                    + " serving (its default) so that runs get mlflow-artifacts:/ locations");
        }
        return PROXY_PATH + encode(trim(root.getPath()) + "/" + trim(artifactPath));
    }

    private static String trim(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    private static String encode(String path) {
        return Arrays.stream(path.split("/"))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }
}
