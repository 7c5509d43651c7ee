package org.activelabeler.serving;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP server that scores texts with a {@link TextScorer} and speaks the scoring protocol of
 * {@code mlflow models serve}, so a client written for that works unchanged:
 * <ul>
 *   <li>{@code GET /ping}, {@code GET /health}: 200 while the server runs;</li>
 *   <li>{@code GET /version}: {@code {"version": app version, "model": scorer's description}};</li>
 *   <li>{@code POST /invocations}: JSON ({@code dataframe_split}, {@code dataframe_records}, {@code instances} or
 *   {@code inputs}) or CSV with a header, answered {@code {"predictions": [{"label", "probabilities"}, ...]}}.</li>
 * </ul>
 * Errors are {@code {"error_code", "message"}} bodies with 400, 404, 405, 413, 415 or 500, never a stack trace.
 * Requests are served by a few threads; the scorer is called by one of them at a time, all rows of a request in one
 * go, {@link ServerSettings#batchSize()} texts a call. Its class names and description are read once, at start.
 * <p>
 * {@link #start} binds and serves; {@link #port()} tells the bound port; {@link #close()} stops.
 */
public final class ScoringServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScoringServer.class);

    private static final int THREADS = 4;
    private static final String JSON = "application/json";
    private static final byte[] PONG = "\n".getBytes(StandardCharsets.UTF_8);

    private final ServerSettings settings;
    private final List<String> classNames;
    private final String description;
    private final byte[] versionBody;
    private final PayloadParser parser;
    private final BatchedScorer scorer;
    private final ExecutorService executor;
    private final HttpServer http;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ScoringServer(TextScorer textScorer, String appVersion, ServerSettings settings) throws IOException {
        Objects.requireNonNull(textScorer, "scorer");
        Objects.requireNonNull(appVersion, "appVersion");
        this.settings = Objects.requireNonNull(settings, "settings");
        // read once, here: the scorer is not called from two threads
        this.classNames = checkedClassNames(textScorer.classNames());
        this.description = String.valueOf(textScorer.description());
        this.versionBody = ScoringResponse.version(appVersion, description);
        this.parser = new PayloadParser(settings.textColumn(), settings.maxRows());
        this.scorer = new BatchedScorer(textScorer, settings.batchSize(), classNames.size());
        this.executor = Executors.newFixedThreadPool(THREADS, threadFactory());
        try {
            // Without TCP_NODELAY a small answer waits for the client's delayed ACK (40 ms on Linux).
            System.setProperty("sun.net.httpserver.nodelay", "true");
            this.http = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            throw e;
        }
        this.port = http.getAddress().getPort();
        http.createContext("/", this::handle);
        http.setExecutor(executor);
        http.start();
    }

    /** Binds to the settings' host and port and starts serving; {@link #close()} stops it. */
    public static ScoringServer start(TextScorer scorer, String appVersion, ServerSettings settings)
            throws IOException {
        ScoringServer server = new ScoringServer(scorer, appVersion, settings);
        LOG.info("Scoring server for {} listening on {}", server.description, server.baseUri());
        return server;
    }

    /** {@link #start(TextScorer, String, ServerSettings)} with {@link ServerSettings#defaults()}. */
    public static ScoringServer start(TextScorer scorer, String appVersion) throws IOException {
        return start(scorer, appVersion, ServerSettings.defaults());
    }

    /** The port bound, the one picked when the settings asked for 0. */
    public int port() {
        return port;
    }

    /** {@code http://host:port/}, the base the endpoints' paths go on. */
    public URI baseUri() {
        try {
            return new URI("http", null, settings.host(), port(), "/", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("no URI for host " + settings.host(), e);
        }
    }

    public ServerSettings settings() {
        return settings;
    }

    /** Stops listening and drops open connections at once; waits at most 2 s for a request being scored. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        http.stop(0);
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("Scoring server stopped while a request was still being scored");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Scoring server on port {} stopped", port());
    }

    // ---- routes ----

    private void handle(HttpExchange exchange) {
        try {
            route(exchange);
        } catch (IOException e) {
            LOG.debug("Connection lost answering {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        } catch (RuntimeException | Error e) {
            LOG.error("Unexpected failure answering {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            if (exchange.getResponseCode() == -1) {
                trySendError(exchange, 500, ErrorCodes.INTERNAL_ERROR, "the server failed to answer the request");
            }
            if (e instanceof Error error) {
                throw error;
            }
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        switch (path) {
            case "/ping", "/health" -> {
                if (isGetOrHead(exchange, path)) {
                    send(exchange, 200, "text/plain; charset=utf-8", PONG);
                }
            }
            case "/version" -> {
                if (isGetOrHead(exchange, path)) {
                    send(exchange, 200, JSON, versionBody);
                }
            }
            case "/invocations" -> {
                if (method.equals("POST")) {
                    invocations(exchange);
                } else {
                    methodNotAllowed(exchange, path, "POST");
                }
            }
            default -> sendError(exchange, 404, ErrorCodes.ENDPOINT_NOT_FOUND, "no endpoint " + path
                    + "; this server answers GET /ping, GET /health, GET /version and POST /invocations");
        }
    }

    private boolean isGetOrHead(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            return true;
        }
        methodNotAllowed(exchange, path, "GET, HEAD");
        return false;
    }

    private void methodNotAllowed(HttpExchange exchange, String path, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        sendError(exchange, 405, ErrorCodes.BAD_REQUEST, exchange.getRequestMethod() + " is not allowed on " + path
                + "; use " + allowed);
    }

    private void invocations(HttpExchange exchange) throws IOException {
        try {
            PayloadParser.Format format = PayloadParser.format(exchange.getRequestHeaders().getFirst("Content-Type"));
            List<String> texts = parser.parse(format, readBody(exchange));
            float[][] rows = scorer.scoreAll(texts);
            send(exchange, 200, JSON, ScoringResponse.predictions(classNames, rows));
        } catch (BadPayloadException e) {
            sendError(exchange, e.status(), e.errorCode(), e.getMessage());
        } catch (ScorerException e) {
            LOG.error("Scoring failed: {}", e.getMessage(), e.getCause());
            sendError(exchange, 500, ErrorCodes.INTERNAL_ERROR, e.getMessage());
        }
    }

    /** At most {@code maxBodyBytes}: a longer body, declared or sent, is a 413 and is not read further. */
    private byte[] readBody(HttpExchange exchange) throws IOException, BadPayloadException {
        int limit = settings.maxBodyBytes();
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > limit) {
                    throw tooLarge(limit);
                }
            } catch (NumberFormatException e) {
                throw BadPayloadException.badRequest("the Content-Length '" + declared + "' is not a number");
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw tooLarge(limit);
            }
            return body;
        }
    }

    private static BadPayloadException tooLarge(int limit) {
        return BadPayloadException.tooLarge("the request body is larger than " + limit
                + " bytes, the most this server reads");
    }

    // ---- writing ----

    private static void sendError(HttpExchange exchange, int status, String errorCode, String message)
            throws IOException {
        send(exchange, status, JSON, ScoringResponse.error(errorCode, message));
    }

    private static void trySendError(HttpExchange exchange, int status, String errorCode, String message) {
        try {
            sendError(exchange, status, errorCode, message);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not send the error answer", e);
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    // ---- set-up ----

    private static List<String> checkedClassNames(List<String> names) {
        if (names == null || names.size() < 2 || names.size() > 50) {
            throw new IllegalArgumentException("the scorer must name 2..50 classes, got "
                    + (names == null ? "none" : names.size()));
        }
        List<String> copy = List.copyOf(names); // throws on a null name
        if (new HashSet<>(copy).size() != copy.size()) {
            throw new IllegalArgumentException("the scorer's class names repeat: " + copy);
        }
        return copy;
    }

    private static ThreadFactory threadFactory() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "scoring-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
