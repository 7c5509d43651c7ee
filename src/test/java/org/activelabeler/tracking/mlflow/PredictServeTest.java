package org.activelabeler.tracking.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.activelabeler.app.ModelCacheFolder;
import org.activelabeler.cli.Main;
import org.activelabeler.testsupport.CommandLineRun;
import org.activelabeler.testsupport.MlflowIntegration;
import org.activelabeler.testsupport.MlflowTestServer;
import org.activelabeler.testsupport.SyntheticReviews;
import org.activelabeler.testsupport.SyntheticTopics;
import org.activelabeler.training.djl.bert.TinyBert;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registered version leaves the app: {@code predict} fetches it by version or alias (with its shared
 * parts) into an empty model cache and then works offline; {@code serve}, a process of its own, answers
 * every payload form of MLflow's scoring protocol with the predictions of {@code predict}, for two and
 * for four classes (the latter with the embeddings block of an encoder that came with the model, its folder
 * gone), and a Python client with {@code requests}
 * gets them too.
 */
@MlflowIntegration
class PredictServeTest {
    private static final Pattern SERVING = Pattern.compile("Serving .* at (http://127\\.0\\.0\\.1:\\d+/)invocations.*");
    @TempDir
    Path dir;
    private Path db;
    private String previousCache;
    private final List<Process> servers = new ArrayList<>();

    @BeforeEach
    void emptyModelCache() {
        db = dir.resolve("db");
        previousCache = System.getProperty(ModelCacheFolder.PROPERTY);
        System.setProperty(ModelCacheFolder.PROPERTY, dir.resolve("trained-here").toString());
    }

    @AfterEach
    void stop() {
        servers.forEach(Process::destroy);
        if (previousCache == null) {
            System.clearProperty(ModelCacheFolder.PROPERTY);
        } else {
            System.setProperty(ModelCacheFolder.PROPERTY, previousCache);
        }
    }

    @Test
    void predictFetchesAVersionByNumberAndByAliasAndThenScoresOffline(MlflowTestServer server) throws IOException {
        List<SyntheticReviews.Review> reviews = new SyntheticReviews(41).distinct(220);
        Path pool = SyntheticReviews.writeCsv(dir.resolve("pool.csv"), reviews.subList(0, 160));
        Path holdout = SyntheticReviews.writeCsv(dir.resolve("holdout.csv"), reviews.subList(160, 220));
        run("train", "--data", pool.toString(), "--labels", "gold", "--db", db.toString(), "--tracking-uri",
                server.uri(), "--experiment", "exp-predict", "--registered-model", "m-predict");
        run("simulate", "--features", "tfidf,lsa", "--data", pool.toString(), "--holdout", holdout.toString(),
                "--init", "10", "--batch", "10", "--max-labels", "30", "--seed", "3", "--db", db.toString(),
                "--tracking-uri", server.uri(), "--experiment", "exp-predict-sim", "--registered-model", "m-predict-sim");

        System.setProperty(ModelCacheFolder.PROPERTY, dir.resolve("fresh-cache").toString());
        Path byVersion = dir.resolve("by-version.csv");
        String printed = CommandLineRun.expect(0, "predict", "--model", "models:/m-predict/1", "--data",
                holdout.toString(), "--out", byVersion.toString(), "--db", db.toString(), "--tracking-uri", server.uri());
        assertThat(printed).contains("Scored 60 texts of " + holdout).contains("'m-predict' version 1");
        List<CSVRecord> rows = csv(byVersion);
        assertThat(rows.get(0).getParser().getHeaderNames()).containsExactly("id", "text", "label", "p_negative",
                "p_positive");
        assertThat(rows).hasSize(60);
        int right = 0;
        for (int i = 0; i < rows.size(); i++) {
            SyntheticReviews.Review review = reviews.get(160 + i);
            assertThat(rows.get(i).get("text")).isEqualTo(review.text());
            right += rows.get(i).get("label").equals(review.sentiment()) ? 1 : 0;
            assertThat(Double.parseDouble(rows.get(i).get("p_negative")) + Double.parseDouble(rows.get(i).get("p_positive")))
                    .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        }
        assertThat(right).as("holdout accuracy of the fetched model").isGreaterThan(48);
        try (var parts = Files.list(dir.resolve("fresh-cache").resolve("parts"))) {
            assertThat(parts.map(p -> p.getFileName().toString()).toList()).as("the shared features, fetched")
                    .singleElement().asString().matches("[0-9a-f]{64}");
        }

        Path byAlias = dir.resolve("by-alias.csv");
        assertThat(CommandLineRun.expect(0, "predict", "--model", "models:/m-predict-sim@champion", "--data",
                holdout.toString(), "--out", byAlias.toString(), "--db", db.toString(), "--tracking-uri", server.uri()))
                .contains("(alias 'champion')");
        assertThat(csv(byAlias)).hasSize(60);

        Path offline = dir.resolve("offline.csv");
        String unreachable = "http://127.0.0.1:" + MlflowTestServer.freePort();
        assertThat(CommandLineRun.expect(0, "predict", "--model", "models:/m-predict/1", "--data", holdout.toString(),
                "--out", offline.toString(), "--db", db.toString(), "--tracking-uri", unreachable))
                .contains("using the copy fetched before");
        assertThat(Files.readString(offline)).isEqualTo(Files.readString(byVersion));

        assertThat(CommandLineRun.expect(1, "predict", "--model", "models:/m-predict/99", "--data", holdout.toString(),
                "--db", db.toString(), "--tracking-uri", server.uri())).contains("version 99")
                .contains("does not exist").doesNotContain("\tat org.");
        assertThat(CommandLineRun.expect(1, "predict", "--model", "models:/m-predict", "--data", holdout.toString(),
                "--db", db.toString())).contains("models:/NAME/VERSION, models:/NAME@ALIAS");
    }

    @Test
    void serveAnswersEveryPayloadFormWithThePredictionsOfPredict(MlflowTestServer server) throws Exception {
        List<SyntheticReviews.Review> reviews = new SyntheticReviews(43).distinct(200);
        Path pool = SyntheticReviews.writeCsv(dir.resolve("pool.csv"), reviews.subList(0, 150));
        Path holdout = SyntheticReviews.writeCsv(dir.resolve("holdout.csv"), reviews.subList(150, 200));
        run("train", "--data", pool.toString(), "--labels", "gold", "--db", db.toString(), "--tracking-uri",
                server.uri(), "--experiment", "exp-serve", "--registered-model", "m-serve");
        Path predicted = dir.resolve("predicted.csv");
        CommandLineRun.expect(0, "predict", "--model", "models:/m-serve/1", "--data", holdout.toString(), "--out",
                predicted.toString(), "--db", db.toString(), "--tracking-uri", server.uri());
        List<CSVRecord> expected = csv(predicted);
        List<String> texts = expected.stream().map(r -> r.get("text")).toList();

        URI base = serve(server, "models:/m-serve/1", dir.resolve("serve-cache"));
        JsonArray column = new JsonArray();
        texts.forEach(column::add);
        List<String> bodies = List.of(
                "{\"dataframe_split\": {\"columns\": [\"text\"], \"data\": " + rowsOf(texts) + "}}",
                "{\"dataframe_records\": " + recordsOf(texts) + "}",
                "{\"instances\": " + column + "}",
                "{\"inputs\": {\"text\": " + column + "}}");
        for (String body : bodies) {
            HttpResponse<String> response = post(base, "application/json", body);
            assertThat(response.statusCode()).as(body.substring(0, 20)).isEqualTo(200);
            assertSamePredictions(response.body(), expected, List.of("negative", "positive"));
        }
        StringBuilder csvBody = new StringBuilder("text\n");
        texts.forEach(t -> csvBody.append('"').append(t.replace("\"", "\"\"")).append("\"\n"));
        assertSamePredictions(post(base, "text/csv", csvBody.toString()).body(), expected, List.of("negative", "positive"));

        HttpResponse<String> bad = post(base, "application/json", "{\"dataframe_records\": [{\"review\": \"x\"}]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("BAD_REQUEST").contains("text").doesNotContain("at org.");
        assertThat(post(base, "application/json", "{\"inputs\": [").statusCode()).isEqualTo(400);
        assertThat(post(base, "text/plain", "hello").statusCode()).isEqualTo(415);
        assertThat(get(base.resolve("ping")).statusCode()).isEqualTo(200);
        assertThat(get(base.resolve("version")).body()).contains("'m-serve' version 1");

        Path python = server.python();
        String script = "import json, requests, sys\n"
                + "texts = json.load(open(sys.argv[2]))\n"
                + "r = requests.post(sys.argv[1] + 'invocations', json={'dataframe_split': {'columns': ['text'],"
                + " 'data': [[t] for t in texts]}})\n"
                + "r.raise_for_status()\n"
                + "print(','.join(p['label'] for p in r.json()['predictions']))\n";
        Path textsFile = Files.writeString(dir.resolve("texts.json"), column.toString());
        Process client = new ProcessBuilder(python.toString(), "-c", script, base.toString(), textsFile.toString())
                .redirectErrorStream(true).start();
        String answer = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(client.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(client.exitValue()).as(answer).isZero();
        assertThat(answer).isEqualTo(String.join(",", expected.stream().map(r -> r.get("label")).toList()));
    }

    @Test
    void aFourClassModelWithEmbeddingsIsServedWithEveryClass(MlflowTestServer server) throws Exception {
        List<SyntheticTopics.Text> topics = new SyntheticTopics(5, 4).distinct(240);
        Path pool = SyntheticTopics.writeCsv(dir.resolve("topics.csv"), topics.subList(0, 200));
        Path holdout = SyntheticTopics.writeCsv(dir.resolve("topics-holdout.csv"), topics.subList(200, 240));
        Path encoder = TinyBert.write(dir.resolve("tiny-encoder"), 5);
        run("simulate", "--embedding-encoder", encoder.toString(), "--data", pool.toString(), "--holdout",
                holdout.toString(), "--init", "20", "--batch", "20", "--max-labels", "60", "--seed", "3", "--db",
                db.toString(), "--tracking-uri", server.uri(), "--experiment", "exp-topics", "--registered-model",
                "m-topics");

        System.setProperty(ModelCacheFolder.PROPERTY, dir.resolve("fresh-cache").toString());
        Path predicted = dir.resolve("topics-predicted.csv");
        CommandLineRun.expect(0, "predict", "--model", "models:/m-topics/3", "--data", holdout.toString(), "--out",
                predicted.toString(), "--db", db.toString(), "--tracking-uri", server.uri());
        List<CSVRecord> expected = csv(predicted);
        List<String> classes = List.of("Business", "Sci/Tech", "Sports", "World");
        assertThat(expected.get(0).getParser().getHeaderNames()).containsExactly("id", "text", "label", "p_Business",
                "p_Sci/Tech", "p_Sports", "p_World");
        assertThat(expected).hasSize(40);
        assertThat(expected.stream().map(r -> r.get("label")).distinct()).hasSizeGreaterThan(1);

        try (var files = Files.walk(encoder)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        URI base = serve(server, "models:/m-topics/3", dir.resolve("serve-cache"));
        assertThat(dir.resolve("serve-cache").resolve("parts")).as("the encoder came with the model, from MLflow")
                .isDirectoryRecursivelyContaining("glob:**/model.safetensors");
        List<String> texts = expected.stream().map(r -> r.get("text")).toList();
        HttpResponse<String> response = post(base, "application/json", "{\"dataframe_records\": " + recordsOf(texts) + "}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertSamePredictions(response.body(), expected, classes);
    }

    /** Starts {@code serve} as a process of its own on a free port; returns its base address. */
    private URI serve(MlflowTestServer server, String model, Path cache) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-Dai.djl.offline=true", "-D" + ModelCacheFolder.PROPERTY + "=" + cache,
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--model", model,
                "--port", "0", "--db", dir.resolve("serve-db").toString(), "--tracking-uri", server.uri());
        Process process = new ProcessBuilder(command).redirectError(dir.resolve("serve.log").toFile()).start();
        servers.add(process);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            Matcher matcher = SERVING.matcher(line);
            if (matcher.matches()) {
                return URI.create(matcher.group(1));
            }
        }
        process.destroy();
        throw new AssertionError("serve did not start:\n" + Files.readString(dir.resolve("serve.log")));
    }

    private static void assertSamePredictions(String body, List<CSVRecord> expected, List<String> classes) {
        JsonArray predictions = JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("predictions");
        assertThat(predictions).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonObject prediction = predictions.get(i).getAsJsonObject();
            assertThat(prediction.get("label").getAsString()).isEqualTo(expected.get(i).get("label"));
            for (String name : classes) {
                assertThat(prediction.get("p_" + name).getAsDouble()).isCloseTo(
                        Double.parseDouble(expected.get(i).get("p_" + name)), org.assertj.core.data.Offset.offset(2e-6));
            }
        }
    }

    private static String rowsOf(List<String> texts) {
        JsonArray rows = new JsonArray();
        for (String text : texts) {
            JsonArray row = new JsonArray();
            row.add(text);
            rows.add(row);
        }
        return rows.toString();
    }

    private static String recordsOf(List<String> texts) {
        JsonArray records = new JsonArray();
        for (String text : texts) {
            JsonObject record = new JsonObject();
            record.addProperty("text", text);
            records.add(record);
        }
        return records.toString();
    }

    private static HttpResponse<String> post(URI base, String type, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("invocations"))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    private static void run(String... args) {
        CommandLineRun.succeed(args);
    }
}
