package org.activelabeler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.activelabeler.embedding.file.VectorCacheFolder;
import org.activelabeler.testsupport.CommandLineRun;
import org.activelabeler.testsupport.SyntheticTopics;
import org.activelabeler.training.djl.bert.TinyBert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embeddings block end to end with a tiny random encoder: simulate embeds each text once into the
 * vector cache, a second run (another data folder) finds every vector there, `embed` fills it ahead,
 * the diverse strategy and the stopping signal run on it.
 */
class SimulateEmbeddingsTest {
    @TempDir
    Path dir;
    private Path encoder;
    private Path pool;
    private Path holdout;

    @BeforeEach
    void setUp() throws Exception {
        System.setProperty(VectorCacheFolder.PROPERTY, dir.resolve("vectors").toString());
        encoder = TinyBert.write(dir.resolve("tiny-encoder"), 5);
        TinyBert.poolLikeBge(encoder);
        List<SyntheticTopics.Text> texts = new SyntheticTopics(4, 3).distinct(180);
        pool = SyntheticTopics.writeCsv(dir.resolve("pool.csv"), texts.subList(0, 150));
        holdout = SyntheticTopics.writeCsv(dir.resolve("holdout.csv"), texts.subList(150, 180));
    }

    @AfterEach
    void tearDown() {
        System.clearProperty(VectorCacheFolder.PROPERTY);
    }

    private String simulate(String db, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("simulate", "--data", pool.toString(), "--holdout",
                holdout.toString(), "--embedding-encoder", encoder.toString(), "--init", "10", "--batch", "10",
                "--max-labels", "50", "--db", dir.resolve(db).toString(), "--tracking-uri", "http://127.0.0.1:9"));
        args.addAll(List.of(more));
        return CommandLineRun.expect(0, args.toArray(String[]::new));
    }

    @Test
    void eachTextIsEmbeddedOnceAndEveryLaterRunReusesTheVectors() throws Exception {
        Path out = dir.resolve("curve.csv");
        String first = simulate("db1", "--out", out.toString());
        assertThat(first).contains("180 texts to embed, kept in " + dir.resolve("vectors"));
        assertThat(first).as("the feature space is chosen from 30 labels on")
                .containsPattern("features, chosen inside the labels \\(3-fold cross-validation every 5 rounds, [0-9.]+ s\\):"
                        + " .*tfidf,lsa,embeddings.* in [0-9]+ rounds");
        assertThat(Files.readAllLines(out).get(0)).isEqualTo("round,labels,accuracy,macro_f1,train_ms,score_ms");

        String second = simulate("db2");
        assertThat(second).contains("every text's vector is in the cache");

        String embedded = CommandLineRun.expect(0, "embed", "--dataset", "pool", "--encoder", encoder.toString(),
                "--db", dir.resolve("db2").toString());
        assertThat(embedded).contains("150 texts, 0 embedded now, 150 were in the cache");
    }

    @Test
    void aDifferentEncoderIsADifferentSpace() throws Exception {
        simulate("db1");
        Path other = TinyBert.write(dir.resolve("other-encoder"), 6);
        TinyBert.poolLikeBge(other);
        String run = CommandLineRun.expect(0, "simulate", "--data", pool.toString(), "--holdout", holdout.toString(),
                "--embedding-encoder", other.toString(), "--init", "10", "--batch", "10", "--max-labels", "20",
                "--db", dir.resolve("db3").toString(), "--tracking-uri", "http://127.0.0.1:9");
        assertThat(run).contains("180 texts to embed");
    }

    @Test
    void theDiverseStrategyAndTheStoppingSignalWithAnAuditShare() throws Exception {
        Path out = dir.resolve("diverse.csv");
        String run = simulate("db1", "--strategy", "diverse-entropy", "--audit-share", "0.2", "--out", out.toString());
        assertThat(run).contains("diverse-entropy, 5 rounds").contains("stopping: ");
        List<String> stopping = Files.readAllLines(dir.resolve("diverse-stopping.csv"));
        assertThat(stopping.get(0)).isEqualTo("round,labels,kappa,stable,audit_accuracy,audit_ci_low,audit_ci_high,"
                + "audit_labels");
        assertThat(stopping).hasSize(1 + 5);
        assertThat(stopping.get(1).split(",", -1)[2]).as("no kappa before a second model").isEmpty();
        String[] last = stopping.get(5).split(",", -1);
        assertThat(Double.parseDouble(last[2])).isBetween(-1.0, 1.0);
        // 2 of every 10 labels are audit draws: 2 after each of rounds 1 to 4, each judged by the model before it
        assertThat(last[7]).isEqualTo("8");
        assertThat(Double.parseDouble(last[4])).isBetween(0.0, 1.0);
    }

    @Test
    void theDiverseStrategyNeedsTheEmbeddings() {
        String run = CommandLineRun.expect(1, "simulate", "--data", pool.toString(), "--features", "tfidf,lsa",
                "--strategy", "diverse-entropy", "--db", dir.resolve("db4").toString());
        assertThat(run).contains("keep embeddings in --features");
    }
}
