package org.activelabeler.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScoringServerTest {

    /** p(positive) = 0.9 if the text contains "good", else 0.2; remembers what it was given. */
    static final class SentimentScorer implements TextScorer {
        final List<List<String>> calls = new CopyOnWriteArrayList<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostInFlight = new AtomicInteger();
        volatile long sleepMillis;

        @Override
        public List<String> classNames() {
            return List.of("negative", "positive");
        }

        @Override
        public float[][] score(List<String> texts) {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                calls.add(texts);
                if (sleepMillis > 0) {
                    Thread.sleep(sleepMillis);
                }
                float[][] rows = new float[texts.size()][];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = texts.get(i).contains("good") ? new float[] {0.1f, 0.9f} : new float[] {0.8f, 0.2f};
                }
                return rows;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public String description() {
            return "'sentiment' version 3";
        }
    }

    /** Four topics, picked by a keyword; 0.7 for the one found, 0.1 for the others; "world" without a keyword. */
    static class TopicScorer implements TextScorer {
        private static final List<String> KEYWORDS = List.of("war", "ball", "stock", "chip");

        @Override
        public List<String> classNames() {
            return List.of("world", "sports", "business", "tech");
        }

        @Override
        public float[][] score(List<String> texts) {
            float[][] rows = new float[texts.size()][4];
            for (int i = 0; i < rows.length; i++) {
                int topic = 0;
                for (int k = 0; k < KEYWORDS.size(); k++) {
                    if (texts.get(i).contains(KEYWORDS.get(k))) {
                        topic = k;
                    }
                }
                for (int c = 0; c < 4; c++) {
                    rows[i][c] = c == topic ? 0.7f : 0.1f;
                }
            }
            return rows;
        }

        @Override
        public String description() {
            return "'topics' version 1";
        }
    }

    /** A scorer whose score answers with the given function. */
    static TextScorer failing(Function<List<String>, float[][]> score) {
        return new TextScorer() {
            @Override
            public List<String> classNames() {
                return List.of("negative", "positive");
            }

            @Override
            public float[][] score(List<String> texts) {
                return score.apply(texts);
            }

            @Override
            public String description() {
                return "broken";
            }
        };
    }

    private static final String JSON = "application/json";
    private static final List<String> EXPECTED = List.of("positive", "negative", "positive");

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final SentimentScorer sentiment = new SentimentScorer();
    private final List<ScoringServer> servers = new ArrayList<>();

    @AfterEach
    void closeServers() {
        servers.forEach(ScoringServer::close);
    }

    private ScoringServer serve(TextScorer scorer, ServerSettings settings) throws IOException {
        ScoringServer server = ScoringServer.start(scorer, "9.8.7-test", settings);
        servers.add(server);
        return server;
    }

    private ScoringServer serve(TextScorer scorer) throws IOException {
        return serve(scorer, ServerSettings.defaults());
    }

    private HttpResponse<String> post(ScoringServer server, String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUri().resolve(path))
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> invoke(ScoringServer server, String contentType, String body)
            throws IOException, InterruptedException {
        return post(server, "invocations", contentType, body);
    }

    private HttpResponse<String> send(ScoringServer server, String method, String path)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.baseUri().resolve(path))
                .timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static List<String> labels(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(JSON);
        List<String> labels = new ArrayList<>();
        for (JsonElement prediction : JsonParser.parseString(response.body()).getAsJsonObject()
                .getAsJsonArray("predictions")) {
            labels.add(prediction.getAsJsonObject().get("label").getAsString());
        }
        return labels;
    }

    /** The error body, after checking the status and that it is MLflow's shape with no stack trace. */
    private static JsonObject error(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(JSON);
        assertThat(response.body()).doesNotContain("at org.", "at java.", "Exception", "stack_trace");
        JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
        assertThat(body.keySet()).containsExactlyInAnyOrder("error_code", "message");
        return body;
    }

    // ---- scoring ----

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"dataframe_split\": {\"columns\": [\"id\", \"text\"], \"index\": [0, 1, 2],"
                    + " \"data\": [[1, \"a good film\"], [2, \"dull\"], [3, \"good fun\"]]}}",
            "{\"dataframe_records\": [{\"text\": \"a good film\"}, {\"text\": \"dull\"}, {\"text\": \"good fun\"}]}",
            "{\"instances\": [\"a good film\", \"dull\", \"good fun\"]}",
            "{\"instances\": [{\"text\": \"a good film\"}, {\"text\": \"dull\"}, {\"text\": \"good fun\"}]}",
            "{\"instances\": {\"text\": [\"a good film\", \"dull\", \"good fun\"]}}",
            "{\"inputs\": [\"a good film\", \"dull\", \"good fun\"]}",
            "{\"inputs\": [{\"text\": \"a good film\"}, {\"text\": \"dull\"}, {\"text\": \"good fun\"}]}",
            "{\"inputs\": {\"text\": [\"a good film\", \"dull\", \"good fun\"]}, \"params\": {\"k\": 1}}",
    })
    void everyJsonFormScoresTheSameRowsInOrder(String body) throws Exception {
        ScoringServer server = serve(sentiment);
        HttpResponse<String> response = invoke(server, "application/json; charset=utf-8", body);

        assertThat(labels(response)).containsExactlyElementsOf(EXPECTED);
        assertThat(sentiment.calls).containsExactly(List.of("a good film", "dull", "good fun"));
        JsonObject first = JsonParser.parseString(response.body()).getAsJsonObject()
                .getAsJsonArray("predictions").get(0).getAsJsonObject();
        assertThat(first.keySet()).containsExactly("label", "p_negative", "p_positive");
        assertThat(first.get("p_negative").getAsDouble()).isEqualTo(0.1);
        assertThat(first.get("p_positive").getAsDouble()).isEqualTo(0.9);
    }

    @Test
    void csvWithAQuotedMultiLineFieldScoresLikeJson() throws Exception {
        ScoringServer server = serve(sentiment);
        String body = "id,text\r\n1,\"a good\nfilm, truly\"\r\n2,dull\r\n3,good fun\r\n";

        assertThat(labels(invoke(server, "text/csv", body))).containsExactlyElementsOf(EXPECTED);
        assertThat(sentiment.calls).containsExactly(List.of("a good\nfilm, truly", "dull", "good fun"));
    }

    @Test
    void aFourClassModelAnswersEveryClass() throws Exception {
        ScoringServer server = serve(new TopicScorer());
        HttpResponse<String> response = invoke(server, JSON,
                "{\"inputs\": [\"chip prices\", \"ball game\", \"war news\", \"stock falls\", \"nothing\"]}");

        assertThat(labels(response)).containsExactly("tech", "sports", "world", "business", "world");
        JsonObject probabilities = JsonParser.parseString(response.body()).getAsJsonObject()
                .getAsJsonArray("predictions").get(1).getAsJsonObject();
        assertThat(probabilities.keySet()).containsExactly("label", "p_world", "p_sports", "p_business", "p_tech");
        assertThat(probabilities.get("p_sports").getAsDouble()).isEqualTo(0.7);
        assertThat(probabilities.get("p_tech").getAsDouble()).isEqualTo(0.1);
    }

    @Test
    void anEmptyListIsAnEmptyPredictionsListWithoutCallingTheModel() throws Exception {
        ScoringServer server = serve(sentiment);
        HttpResponse<String> response = invoke(server, JSON, "{\"dataframe_records\": []}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonArray("predictions")).isEmpty();
        assertThat(sentiment.calls).isEmpty();
    }

    @Test
    void rowsAreScoredInBatchesOfTheBatchSize() throws Exception {
        ScoringServer server = serve(sentiment, ServerSettings.defaults().withBatchSize(2));
        HttpResponse<String> response = invoke(server, JSON, "{\"inputs\": [\"good 1\", \"2\", \"good 3\", \"4\", \"5\"]}");

        assertThat(labels(response)).containsExactly("positive", "negative", "positive", "negative", "negative");
        assertThat(sentiment.calls).containsExactly(List.of("good 1", "2"), List.of("good 3", "4"), List.of("5"));
    }

    @Test
    void theTextColumnIsASetting() throws Exception {
        ScoringServer server = serve(sentiment, ServerSettings.defaults().withTextColumn("review"));

        assertThat(labels(invoke(server, JSON, "{\"dataframe_records\": [{\"review\": \"good\"}, {\"review\": \"bad\"}]}")))
                .containsExactly("positive", "negative");
        JsonObject refused = error(invoke(server, JSON, "{\"dataframe_records\": [{\"text\": \"good\"}]}"), 400);
        assertThat(refused.get("message").getAsString()).contains("named 'review'", "[text]");
    }

    @Test
    void theModelIsCalledByOneRequestAtATime() throws Exception {
        sentiment.sleepMillis = 30;
        ScoringServer server = serve(sentiment);
        List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 8)
                .mapToObj(i -> HttpRequest.newBuilder(server.baseUri().resolve("invocations"))
                        .header("Content-Type", JSON)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"inputs\": [\"good " + i + "\", \"x\"]}"))
                        .build())
                .map(request -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .toList();

        for (CompletableFuture<HttpResponse<String>> response : responses) {
            assertThat(labels(response.get())).containsExactly("positive", "negative");
        }
        assertThat(sentiment.calls).hasSize(8);
        assertThat(sentiment.mostInFlight).hasValue(1);
    }

    // ---- the other endpoints ----

    @Test
    void pingHealthAndVersion() throws Exception {
        ScoringServer server = serve(sentiment);

        for (String path : List.of("ping", "health")) {
            assertThat(send(server, "GET", path).statusCode()).isEqualTo(200);
            assertThat(send(server, "HEAD", path).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> version = send(server, "GET", "version");
        assertThat(version.statusCode()).isEqualTo(200);
        JsonObject body = JsonParser.parseString(version.body()).getAsJsonObject();
        assertThat(body.get("version").getAsString()).isEqualTo("9.8.7-test");
        assertThat(body.get("model").getAsString()).isEqualTo("'sentiment' version 3");
        assertThat(sentiment.calls).isEmpty();
    }

    @Test
    void theServerBindsToLoopbackOnAFreePort() throws Exception {
        ScoringServer first = serve(sentiment);
        ScoringServer second = serve(new TopicScorer());

        assertThat(first.port()).isPositive().isNotEqualTo(second.port());
        assertThat(first.baseUri()).isEqualTo(URI.create("http://127.0.0.1:" + first.port() + "/"));
        assertThat(send(second, "GET", "version").body()).contains("topics");
    }

    @Test
    void closeStopsTheServerPromptly() throws Exception {
        ScoringServer server = serve(sentiment);
        assertThat(send(server, "GET", "ping").statusCode()).isEqualTo(200);

        long start = System.nanoTime();
        server.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        assertThatThrownBy(() -> fresh.send(HttpRequest.newBuilder(server.baseUri().resolve("ping")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        server.close(); // a second close does nothing
    }

    // ---- errors ----

    @Test
    void badPayloadsAre400WithTheReason() throws Exception {
        ScoringServer server = serve(sentiment);

        JsonObject malformed = error(invoke(server, JSON, "{\"inputs\": [\"good\", }"), 400);
        assertThat(malformed.get("error_code").getAsString()).isEqualTo("BAD_REQUEST");
        assertThat(malformed.get("message").getAsString()).startsWith("malformed JSON").contains("line 1 column");

        JsonObject missing = error(invoke(server, JSON,
                "{\"dataframe_split\": {\"columns\": [\"review\"], \"data\": [[\"good\"]]}}"), 400);
        assertThat(missing.get("message").getAsString()).contains("'text'", "[review]");

        JsonObject noKey = error(invoke(server, JSON, "{\"texts\": [\"good\"]}"), 400);
        assertThat(noKey.get("message").getAsString()).contains("exactly one of the keys", "[texts]");

        JsonObject twoKeys = error(invoke(server, JSON, "{\"inputs\": [\"good\"], \"instances\": [\"good\"]}"), 400);
        assertThat(twoKeys.get("message").getAsString()).contains("exactly one of the keys", "[inputs, instances]");

        JsonObject nonString = error(invoke(server, JSON, "{\"instances\": [\"good\", 42]}"), 400);
        assertThat(nonString.get("message").getAsString()).contains("instances[1]", "must be a text", "the number 42");

        JsonObject csvMissing = error(invoke(server, "text/csv", "review\ngood\n"), 400);
        assertThat(csvMissing.get("message").getAsString()).contains("'text'", "[review]");

        assertThat(sentiment.calls).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        ScoringServer server = serve(sentiment, ServerSettings.defaults().withMaxBodyBytes(100));
        String small = "{\"inputs\": [\"good\"]}";
        String large = "{\"inputs\": [\"" + "good ".repeat(200) + "\"]}";

        assertThat(labels(invoke(server, JSON, small))).containsExactly("positive");
        JsonObject declared = error(invoke(server, JSON, large), 413);
        assertThat(declared.get("error_code").getAsString()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
        assertThat(declared.get("message").getAsString()).contains("100 bytes");

        // sent chunked, with no Content-Length: the limit holds while reading
        HttpRequest chunked = HttpRequest.newBuilder(server.baseUri().resolve("invocations"))
                .header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(large.getBytes(StandardCharsets.UTF_8))))
                .build();
        error(client.send(chunked, HttpResponse.BodyHandlers.ofString()), 413);
        // the server still answers afterwards
        assertThat(labels(invoke(server, JSON, small))).containsExactly("positive");
        assertThat(sentiment.calls).hasSize(2);
    }

    @Test
    void moreRowsThanTheLimitAre413() throws Exception {
        ScoringServer server = serve(sentiment, ServerSettings.defaults().withMaxRows(3));

        assertThat(labels(invoke(server, JSON, "{\"inputs\": [\"good\", \"b\", \"c\"]}"))).hasSize(3);
        JsonObject tooMany = error(invoke(server, JSON, "{\"inputs\": [\"good\", \"b\", \"c\", \"d\"]}"), 413);
        assertThat(tooMany.get("message").getAsString()).contains("more than 3 rows");
        error(invoke(server, "text/csv", "text\na\nb\nc\nd\n"), 413);
        assertThat(sentiment.calls).hasSize(1);
    }

    @Test
    void otherContentTypesAre415() throws Exception {
        ScoringServer server = serve(sentiment);

        JsonObject plain = error(invoke(server, "text/plain", "good"), 415);
        assertThat(plain.get("message").getAsString()).contains("text/plain", "application/json", "text/csv");
        error(invoke(server, null, "{\"inputs\": [\"good\"]}"), 415);
        error(invoke(server, "application/json; charset=iso-8859-1", "{\"inputs\": [\"good\"]}"), 415);
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() throws Exception {
        ScoringServer server = serve(sentiment);

        JsonObject notFound = error(send(server, "GET", "predict"), 404);
        assertThat(notFound.get("error_code").getAsString()).isEqualTo("ENDPOINT_NOT_FOUND");
        assertThat(notFound.get("message").getAsString()).contains("/predict");
        error(post(server, "invocations/extra", JSON, "{\"inputs\": []}"), 404);

        HttpResponse<String> getInvocations = send(server, "GET", "invocations");
        error(getInvocations, 405);
        assertThat(getInvocations.headers().firstValue("Allow")).hasValue("POST");
        HttpResponse<String> postPing = post(server, "ping", JSON, "{}");
        error(postPing, 405);
        assertThat(postPing.headers().firstValue("Allow")).hasValue("GET, HEAD");
        error(send(server, "DELETE", "version"), 405);
    }

    @Test
    void aScorerThatThrowsIs500WithoutItsStackTrace() throws Exception {
        ScoringServer server = serve(failing(texts -> {
            throw new IllegalStateException("secret internal detail");
        }));

        JsonObject failed = error(invoke(server, JSON, "{\"inputs\": [\"good\"]}"), 500);
        assertThat(failed.get("error_code").getAsString()).isEqualTo("INTERNAL_ERROR");
        assertThat(failed.get("message").getAsString()).contains("model failed").doesNotContain("secret");
        // the server keeps answering
        assertThat(send(server, "GET", "ping").statusCode()).isEqualTo(200);
    }

    @Test
    void aScorerAnsweringTheWrongShapeIs500() throws Exception {
        ScoringServer tooFew = serve(failing(texts -> new float[][] {{0.5f, 0.5f}}));
        assertThat(error(invoke(tooFew, JSON, "{\"inputs\": [\"a\", \"b\"]}"), 500).get("message").getAsString())
                .contains("1 probability rows for 2 texts");

        ScoringServer tooNarrow = serve(failing(texts -> new float[][] {{1f}}));
        assertThat(error(invoke(tooNarrow, JSON, "{\"inputs\": [\"a\"]}"), 500).get("message").getAsString())
                .contains("1 values for 2 classes");

        ScoringServer notANumber = serve(failing(texts -> new float[][] {{Float.NaN, 1f}}));
        assertThat(error(invoke(notANumber, JSON, "{\"inputs\": [\"a\"]}"), 500).get("message").getAsString())
                .contains("not a finite number");
    }

    @Test
    void aScorerWithTooFewOrRepeatedClassesIsRefusedAtStart() {
        TextScorer oneClass = new TopicScorer() {
            @Override
            public List<String> classNames() {
                return List.of("only");
            }
        };
        assertThatThrownBy(() -> serve(oneClass)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2..50");
        TextScorer repeated = new TopicScorer() {
            @Override
            public List<String> classNames() {
                return List.of("a", "b", "a", "c");
            }
        };
        assertThatThrownBy(() -> serve(repeated)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeat");
        TextScorer many = new TopicScorer() {
            @Override
            public List<String> classNames() {
                return Collections.nCopies(51, "x");
            }
        };
        assertThatThrownBy(() -> serve(many)).hasMessageContaining("2..50");
    }
}
