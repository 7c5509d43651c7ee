package org.activelabeler.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * An HTTP proxy on 127.0.0.1 in front of a real MLflow server that can be told to misbehave: be
 * gone (connection refused), answer 503, or take requests and never answer. Only loopback traffic.
 */
public final class FaultyProxy implements AutoCloseable {
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
            "upgrade", "keep-alive");

    /** How the proxy treats the requests that come. */
    public enum Mode {
        FORWARD,
        /** Nothing listens: connections are refused. */
        GONE,
        /** Every request is answered 503 Service Unavailable. */
        UNAVAILABLE,
        /** /health answers, every other request is taken and never answered. */
        HANG
    }

    private final String upstream;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Mode mode = Mode.FORWARD;
    private HttpServer server;

    public FaultyProxy(String upstream) throws IOException {
        this.upstream = upstream;
        this.port = MlflowTestServer.freePort();
        listen();
    }

    public String uri() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized void mode(Mode next) throws IOException {
        Mode before = mode;
        mode = next;
        if (next == Mode.GONE && server != null) {
            server.stop(0);
            server = null;
        } else if (next != Mode.GONE && before == Mode.GONE) {
            listen();
        }
    }

    private void listen() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "faulty-proxy");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Mode now = mode;
            String path = exchange.getRequestURI().toString();
            if (now == Mode.UNAVAILABLE) {
                respond(exchange, 503, "{\"error_code\": \"TEMPORARILY_UNAVAILABLE\", \"message\": \"try later\"}");
                return;
            }
            if (now == Mode.HANG && !path.startsWith("/health")) {
                while (mode == Mode.HANG) {
                    Thread.sleep(50);
                }
                // the client gave up long ago; drop the connection without an answer
                return;
            }
            forward(exchange, path);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void forward(HttpExchange exchange, String path) throws IOException, InterruptedException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + path))
                .timeout(Duration.ofMinutes(2))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] answer = response.body();
        exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public synchronized void close() {
        mode = Mode.FORWARD;
        if (server != null) {
            server.stop(0);
        }
    }
}
