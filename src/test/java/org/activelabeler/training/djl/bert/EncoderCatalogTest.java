package org.activelabeler.training.djl.bert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.activelabeler.model.TransformerSettings;
import org.activelabeler.progress.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resolving encoders by name, folder and hub id. A real HTTP server on the loopback interface plays
 * the Hugging Face hub and serves a tiny random BERT that the test writes itself.
 */
@Timeout(120)
class EncoderCatalogTest {
    private static final String MODEL = "test-org/tiny-bert";
    private static final Pattern RESOLVE = Pattern.compile("/test-org/tiny-bert/resolve/(main|v1)/([\\w./]+)");
    private static final String CDN_WEIGHTS = "/cdn/tiny-bert/model.safetensors";

    @TempDir
    static Path tinyBert;
    @TempDir
    Path cache;

    private HttpServer hub;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> failingFiles = new ConcurrentHashMap<>();
    private final Map<String, Integer> truncatedFiles = new ConcurrentHashMap<>();

    @BeforeAll
    static void writeTinyBert() throws IOException {
        Files.writeString(tinyBert.resolve("config.json"), """
                {"model_type": "bert", "vocab_size": 30522, "hidden_size": 32, "num_hidden_layers": 2,
                 "num_attention_heads": 4, "intermediate_size": 64, "max_position_embeddings": 64,
                 "type_vocab_size": 2, "hidden_act": "gelu"}
                """);
        try (InputStream tokenizer = PretrainedEncoder.class.getResourceAsStream(PretrainedEncoder.BUNDLED_TOKENIZER)) {
            Files.copy(tokenizer, tinyBert.resolve("tokenizer.json"));
        }
        BertConfig config = BertConfig.read(tinyBert.resolve("config.json"));
        try (NDManager manager = NDManager.newBaseManager();
             OutputStream out = Files.newOutputStream(tinyBert.resolve("model.safetensors"))) {
            NDList weights = new NDList();
            for (String name : BertNetwork.parameterNames(config)) {
                if (name.startsWith("classifier.")) {
                    continue;
                }
                Shape shape = new Shape(BertNetwork.expectedShape(config, 2, name));
                NDArray weight = name.contains("LayerNorm") && name.endsWith(".weight")
                        ? manager.ones(shape) : manager.randomNormal(0, 0.02f, shape, DataType.FLOAT32);
                weight.setName(name);
                weights.add(weight);
            }
            weights.encode(out, NDList.Encoding.SAFETENSORS);
        }
    }

    @BeforeEach
    void startHub() throws IOException {
        hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hub.createContext("/", this::serve);
        hub.start();
        System.setProperty(HubDownload.ENDPOINT_PROPERTY, "http://127.0.0.1:" + hub.getAddress().getPort() + "/");
    }

    @AfterEach
    void stopHub() {
        hub.stop(0);
        System.clearProperty(HubDownload.ENDPOINT_PROPERTY);
    }

    @Test
    void firstResolveDownloadsTheThreeFilesWithProgressAndTheEncoderLoads() {
        List<String> progress = new CopyOnWriteArrayList<>();
        PretrainedEncoder encoder = EncoderCatalog.resolve(MODEL, cache,
                (file, done, total) -> progress.add(file + " " + done + "/" + total));

        assertThat(requests).containsExactly("/test-org/tiny-bert/resolve/main/config.json",
                "/test-org/tiny-bert/resolve/main/tokenizer.json",
                "/test-org/tiny-bert/resolve/main/model.safetensors", CDN_WEIGHTS,
                "/test-org/tiny-bert/resolve/main/modules.json", "/test-org/tiny-bert/resolve/main/1_Pooling/config.json");
        assertThat(encoder.pooling()).isEqualTo(SentencePooling.MEAN);
        long weightBytes = tinyBert.resolve("model.safetensors").toFile().length();
        assertThat(progress).contains("config.json 0/" + tinyBert.resolve("config.json").toFile().length(),
                "model.safetensors 0/" + weightBytes, "model.safetensors " + weightBytes + "/" + weightBytes);
        assertThat(encoder.name()).isEqualTo(MODEL);
        assertThat(encoder.config().hiddenSize()).isEqualTo(32);
        assertThat(cache.resolve("test-org--tiny-bert--main").resolve("model.safetensors"))
                .hasSameBinaryContentAs(tinyBert.resolve("model.safetensors"));
        assertThat(cacheEntries()).containsExactly("test-org--tiny-bert--main");

        try (TransformerClassifier classifier = new TransformerClassifier(encoder,
                TransformerSettings.forCpu(1).withMaxTokens(16))) {
            float[] positive = classifier.predict(List.of("a fine film"), Progress.NONE).column(1);
            assertThat(positive).hasSize(1);
            assertThat(positive[0]).isBetween(0f, 1f);
        }
    }

    @Test
    void theHubsPoolingFilesAreFetchedWhenTheRepositoryHasThem() throws IOException {
        TinyBert.poolLikeBge(tinyBert);
        try {
            PretrainedEncoder encoder = EncoderCatalog.resolve(MODEL, cache, DownloadListener.NONE);
            assertThat(encoder.pooling()).isEqualTo(SentencePooling.CLS_NORMALIZED);
            assertThat(cache.resolve("test-org--tiny-bert--main/1_Pooling/config.json")).exists();
        } finally {
            Files.delete(tinyBert.resolve("modules.json"));
            Files.delete(tinyBert.resolve("1_Pooling/config.json"));
            Files.delete(tinyBert.resolve("1_Pooling"));
        }
    }

    @Test
    void secondResolveUsesTheCacheWithoutNetwork() {
        EncoderCatalog.resolve(MODEL, cache, DownloadListener.NONE);
        hub.stop(0);
        requests.clear();

        PretrainedEncoder again = EncoderCatalog.resolve(MODEL, cache,
                (file, done, total) -> { throw new AssertionError("no download expected"); });

        assertThat(requests).isEmpty();
        assertThat(again.config().layers()).isEqualTo(2);
    }

    @Test
    void aRevisionGetsItsOwnCacheFolder() {
        PretrainedEncoder encoder = EncoderCatalog.resolve(MODEL + "@v1", cache, DownloadListener.NONE);

        assertThat(encoder.name()).isEqualTo(MODEL + "@v1");
        assertThat(requests).contains("/test-org/tiny-bert/resolve/v1/config.json");
        assertThat(cacheEntries()).containsExactly("test-org--tiny-bert--v1");
    }

    @Test
    void anUnknownModelIsNamedInAClearError() {
        assertThatThrownBy(() -> EncoderCatalog.resolve("test-org/no-such-bert", cache, DownloadListener.NONE))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("'test-org/no-such-bert'")
                .hasMessageContaining("does not exist on the Hugging Face hub")
                .hasMessageContaining("model.safetensors").hasMessageContaining("tokenizer.json");
        assertThat(cacheEntries()).isEmpty();
    }

    @Test
    void aMissingFileIsNamedInAClearError() {
        failingFiles.put("tokenizer.json", 404);
        assertThatThrownBy(() -> EncoderCatalog.resolve(MODEL, cache, DownloadListener.NONE))
                .hasMessageContaining("'" + MODEL + "' or its tokenizer.json does not exist");
    }

    @Test
    void aRefusedModelPointsToHfToken() {
        failingFiles.put("config.json", 401);
        assertThatThrownBy(() -> EncoderCatalog.resolve(MODEL, cache, DownloadListener.NONE))
                .hasMessageContaining("HF_TOKEN").hasMessageContaining("gated or private");
    }

    @Test
    void theTokenIsSentAsBearer() throws IOException {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        hub.createContext("/token-check/", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            serve(exchange);
        });
        HubDownload download = new HubDownload("http://127.0.0.1:" + hub.getAddress().getPort() + "/token-check",
                "hf_secret");
        // the server knows no /token-check/test-org/... repository, so the download stops at the first file
        assertThatThrownBy(() -> download.fetch(HubModelId.parse(MODEL).orElseThrow(),
                cache.resolve("x"), DownloadListener.NONE)).isInstanceOf(IOException.class);
        assertThat(authorizations).containsExactly("Bearer hf_secret");
    }

    @Test
    void aFailedDownloadLeavesNoCompleteLookingFolder() {
        failingFiles.put("model.safetensors", 500);
        assertThatThrownBy(() -> EncoderCatalog.resolve(MODEL, cache, DownloadListener.NONE))
                .hasMessageContaining("HTTP 500");
        assertThat(cacheEntries()).isEmpty();

        failingFiles.clear();
        assertThat(EncoderCatalog.resolve(MODEL, cache, DownloadListener.NONE).config().hiddenSize()).isEqualTo(32);
    }

    @Test
    void aDownloadThatBreaksOffLeavesNoCompleteLookingFolder() {
        truncatedFiles.put("model.safetensors", 1000);
        assertThatThrownBy(() -> EncoderCatalog.resolve(MODEL, cache, DownloadListener.NONE))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("model.safetensors")
                .hasMessageContaining("broke off");
        assertThat(cacheEntries()).isEmpty();
    }

    @Test
    void withoutNetworkTheErrorSaysToDownloadOnceOrUseAFolder() {
        hub.stop(0);
        assertThatThrownBy(() -> EncoderCatalog.resolve(MODEL, cache, DownloadListener.NONE))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("seems offline").hasMessageContaining("downloaded once with internet")
                .hasMessageContaining("local folder");
        assertThat(cacheEntries()).isEmpty();
    }

    @Test
    void aLocalFolderResolvesWithoutNetwork() {
        PretrainedEncoder encoder = EncoderCatalog.resolve(tinyBert.toString(), cache, DownloadListener.NONE);

        assertThat(encoder.weights()).isEqualTo(new PretrainedEncoder.WeightSource.SafetensorsFile(
                tinyBert.resolve("model.safetensors")));
        assertThat(encoder.config().hiddenSize()).isEqualTo(32);
        assertThat(requests).isEmpty();
    }

    @Test
    void theBundledNamesResolveWithoutNetwork() {
        for (String name : List.of("all-MiniLM-L6-v2", "MiniLM", "sentence-transformers/all-MiniLM-L6-v2",
                " minilm ")) {
            assertThat(EncoderCatalog.resolve(name, cache, DownloadListener.NONE)).isEqualTo(PretrainedEncoder.bundled());
        }
        assertThat(requests).isEmpty();
        assertThat(cacheEntries()).isEmpty();
    }

    @Test
    void somethingThatIsNeitherFolderNorHubIdIsRefused() {
        assertThatThrownBy(() -> EncoderCatalog.resolve("/no/such/folder", cache, DownloadListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither an existing folder nor a Hugging Face model id");
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            Matcher resolve = RESOLVE.matcher(path);
            String file = resolve.matches() ? resolve.group(2) : path.equals(CDN_WEIGHTS) ? "model.safetensors" : null;
            if (file == null) {
                exchange.getResponseHeaders().add("X-Error-Code", "RepoNotFound");
                exchange.sendResponseHeaders(404, -1);
            } else if (!Files.isRegularFile(tinyBert.resolve(file))) {
                exchange.getResponseHeaders().add("X-Error-Code", "EntryNotFound");
                exchange.sendResponseHeaders(404, -1);
            } else if (failingFiles.containsKey(file)) {
                exchange.sendResponseHeaders(failingFiles.get(file), -1);
            } else if (file.equals("model.safetensors") && !path.equals(CDN_WEIGHTS)) {
                exchange.getResponseHeaders().add("Location", CDN_WEIGHTS);
                exchange.sendResponseHeaders(302, -1);
            } else {
                byte[] content = Files.readAllBytes(tinyBert.resolve(file));
                exchange.sendResponseHeaders(200, content.length);
                int sent = truncatedFiles.getOrDefault(file, content.length);
                exchange.getResponseBody().write(content, 0, sent);
            }
        } catch (IOException expectedWhenTruncated) {
            // the server refuses to finish a response shorter than announced and drops the connection
        }
    }

    private List<String> cacheEntries() {
        try (Stream<Path> entries = Files.list(cache)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
