package org.activelabeler.training.djl.bert;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Fetches the files of an encoder from the Hugging Face hub, or the mirror named by the system property
 * {@value #ENDPOINT_PROPERTY} or the environment variable {@value #ENDPOINT_VARIABLE}. The files go into a
 * hidden staging folder that is moved into place only once all of them are in, so the cache never holds a
 * half encoder under its real name.
 */
final class HubDownload {
    static final List<String> ENCODER_FILES = List.of("config.json", "tokenizer.json", "model.safetensors");
    /** sentence-transformers files that say how the encoder pools ({@link SentencePooling#ofFolder}); many repositories lack them. */
    static final List<String> OPTIONAL_FILES = List.of("modules.json", "1_Pooling/config.json");
    static final String ENDPOINT_PROPERTY = "activelabeler.hf.endpoint";
    static final String ENDPOINT_VARIABLE = "ACTIVE_LABELER_HF_ENDPOINT";
    static final String DEFAULT_ENDPOINT = "https://huggingface.co";
    private static final long REPORT_EVERY_BYTES = 1 << 20;
    private static final Duration STALE_STAGING = Duration.ofDays(1);

    private final String endpoint;
    private final String token;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(20))
            .build();

    /** @param token a Hugging Face access token, or null */
    HubDownload(String endpoint, String token) {
        this.endpoint = endpoint.replaceAll("/+$", "");
        this.token = token;
    }

    static HubDownload fromEnvironment() {
        String endpoint = System.getProperty(ENDPOINT_PROPERTY);
        if (endpoint == null || endpoint.isBlank()) {
            endpoint = System.getenv().getOrDefault(ENDPOINT_VARIABLE, DEFAULT_ENDPOINT);
        }
        String token = System.getenv("HF_TOKEN");
        return new HubDownload(endpoint.strip(), token == null || token.isBlank() ? null : token.strip());
    }

    static boolean isComplete(Path folder) {
        return ENCODER_FILES.stream().allMatch(file -> Files.isRegularFile(folder.resolve(file)));
    }

    /** Downloads the encoder files of {@code id} into {@code target}, which afterwards is complete. */
    void fetch(HubModelId id, Path target, DownloadListener listener) throws IOException {
        Path cache = target.toAbsolutePath().getParent();
        Files.createDirectories(cache);
        String stagingPrefix = "." + id.cacheKey() + ".download-";
        deleteStaleStaging(cache, stagingPrefix);
        Path staging = Files.createTempDirectory(cache, stagingPrefix);
        try {
            for (String file : ENCODER_FILES) {
                fetchFile(id, file, staging, listener, cache, false);
            }
            for (String file : OPTIONAL_FILES) {
                fetchFile(id, file, staging, listener, cache, true);
            }
            moveIntoPlace(staging, target);
        } finally {
            deleteRecursively(staging);
        }
    }

    /** @param optional a file the repository may lack: a 404 leaves it out instead of failing */
    private void fetchFile(HubModelId id, String file, Path staging, DownloadListener listener, Path cache,
                           boolean optional) throws IOException {
        URI uri = URI.create(endpoint + "/" + id.repository() + "/resolve/" + id.revision() + "/" + file);
        HttpResponse<InputStream> response = send(id, uri, cache);
        try (InputStream body = response.body()) {
            if (optional && response.statusCode() == 404) {
                return;
            }
            checkStatus(response, id, file, uri);
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            Path target = staging.resolve(file);
            Files.createDirectories(target.getParent());
            Path part = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            try (OutputStream out = Files.newOutputStream(part)) {
                copy(body, out, id, file, total, listener);
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private HttpResponse<InputStream> send(HubModelId id, URI uri, Path cache) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(1))
                .header("User-Agent", "active-labeler").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new IOException("Cannot reach " + endpoint + " to download the encoder '" + id + "' (" + e
                    + "). The machine seems offline: the encoder must be downloaded once with internet (it is then"
                    + " kept in " + cache + " and used offline), or given as a local folder with config.json,"
                    + " tokenizer.json and model.safetensors.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("The download of the encoder '" + id + "' was interrupted");
        }
    }

    private void checkStatus(HttpResponse<?> response, HubModelId id, String file, URI uri) throws IOException {
        int status = response.statusCode();
        if (status == 200) {
            return;
        }
        String errorCode = response.headers().firstValue("X-Error-Code").orElse("");
        if (status == 404 || errorCode.equals("RepoNotFound") || errorCode.equals("EntryNotFound")) {
            throw new IOException("The model '" + id + "' or its " + file + " does not exist on the Hugging Face hub ("
                    + uri + " answered HTTP " + status + "). Check the model id and revision; the repository needs"
                    + " config.json, tokenizer.json and model.safetensors (many sentence-transformers repositories"
                    + " have them).");
        }
        if (status == 401 || status == 403) {
            throw new IOException("The Hugging Face hub refused " + file + " of the model '" + id + "' (HTTP " + status
                    + "): it is gated or private. " + (token == null
                    ? "Accept its terms on the hub, create an access token and set it in the HF_TOKEN environment variable."
                    : "The token in HF_TOKEN has no access to it; accept the model's terms on the hub or use another token."));
        }
        throw new IOException("The Hugging Face hub answered HTTP " + status + " for " + uri
                + "; try again later. Nothing incomplete was kept.");
    }

    private static void copy(InputStream body, OutputStream out, HubModelId id, String file, long total,
                             DownloadListener listener) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long done = 0;
        long reported = 0;
        listener.progress(file, 0, total);
        while (true) {
            int read;
            try {
                read = body.read(buffer);
            } catch (IOException e) {
                throw brokenOff(id, file, done, total, e);
            }
            if (read < 0) {
                break;
            }
            out.write(buffer, 0, read);
            done += read;
            if (done - reported >= REPORT_EVERY_BYTES) {
                listener.progress(file, done, total);
                reported = done;
            }
        }
        if (total >= 0 && done != total) {
            throw brokenOff(id, file, done, total, null);
        }
        listener.progress(file, done, total);
    }

    private static IOException brokenOff(HubModelId id, String file, long done, long total, IOException cause) {
        return new IOException("The download of " + file + " for the encoder '" + id + "' broke off after " + done
                + (total >= 0 ? " of " + total : "") + " bytes" + (cause == null ? "" : " (" + cause + ")")
                + "; check the connection and try again. Nothing incomplete was kept.", cause);
    }

    private static void moveIntoPlace(Path staging, Path target) throws IOException {
        if (Files.exists(target) && !isComplete(target)) {
            deleteRecursively(target);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            if (!isComplete(target)) {
                throw e;
            }
            // another download of the same encoder finished first
        }
    }

    /** Removes staging folders that an earlier, killed download left behind. */
    private static void deleteStaleStaging(Path cache, String prefix) throws IOException {
        Instant cutoff = Instant.now().minus(STALE_STAGING);
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(cache, prefix + "*")) {
            for (Path leftover : leftovers) {
                if (Files.getLastModifiedTime(leftover).toInstant().isBefore(cutoff)) {
                    deleteRecursively(leftover);
                }
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
