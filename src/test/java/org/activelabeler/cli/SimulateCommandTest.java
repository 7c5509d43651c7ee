package org.activelabeler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.activelabeler.testsupport.SyntheticReviews;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    @Test
    void runsTheLoopEndToEndAndWritesTheCurve(@TempDir Path dir) throws Exception {
        List<SyntheticReviews.Review> reviews = new SyntheticReviews(3).distinct(500);
        Path pool = SyntheticReviews.writeCsv(dir.resolve("pool.csv"), reviews.subList(0, 400));
        Path holdout = SyntheticReviews.writeCsv(dir.resolve("holdout.csv"), reviews.subList(400, 500));
        Path out = dir.resolve("out/curve.csv");

        int exit = Main.run("simulate", "--features", "tfidf,lsa", "--data", pool.toString(), "--holdout", holdout.toString(),
                "--init", "10", "--batch", "10", "--max-labels", "60", "--seed", "1",
                "--out", out.toString(), "--db", dir.resolve("db").toString());

        assertThat(exit).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("round,labels,accuracy,macro_f1,train_ms,score_ms");
        assertThat(lines).hasSize(1 + 6);
        assertThat(lines.subList(1, 7)).extracting(line -> line.split(",")[1])
                .containsExactly("10", "20", "30", "40", "50", "60");
        String[] last = lines.get(6).split(",");
        assertThat(Double.parseDouble(last[2])).isGreaterThan(0.9);
        assertThat(Double.parseDouble(last[3])).isGreaterThan(0.9);
    }

    @Test
    void twoSpeedRunsTheTransformerEveryFewBatchesAndJudgesItAgainstTheFastModel(@TempDir Path dir) throws Exception {
        List<SyntheticReviews.Review> reviews = new SyntheticReviews(8).distinct(260);
        Path pool = SyntheticReviews.writeCsv(dir.resolve("pool.csv"), reviews.subList(0, 200));
        Path holdout = SyntheticReviews.writeCsv(dir.resolve("holdout.csv"), reviews.subList(200, 260));
        Path out = dir.resolve("curve.csv");

        int exit = Main.run("simulate", "--features", "tfidf,lsa", "--data", pool.toString(), "--holdout", holdout.toString(),
                "--init", "10", "--batch", "10", "--max-labels", "50", "--seed", "2",
                "--model", "transformer", "--encoder", "all-MiniLM-L6-v2", "--transformer-every", "2", "--transformer-min-labels", "20",
                "--transformer-strategy", "bald", "--max-tokens", "16", "--transformer-epochs", "1",
                "--transformer-holdout", "20", "--out", out.toString(), "--db", dir.resolve("db").toString());

        assertThat(exit).isZero();
        assertThat(Files.readAllLines(out)).hasSize(1 + 5);
        List<String> transformerRounds = Files.readAllLines(dir.resolve("curve-transformer.csv"));
        assertThat(transformerRounds.get(0)).startsWith("round,labels,holdout_accuracy,");
        assertThat(transformerRounds.subList(1, transformerRounds.size()))
                .extracting(line -> line.split(",")[1]).containsExactly("30", "50");
        String[] middle = transformerRounds.get(1).split(",");
        String[] last = transformerRounds.get(2).split(",");
        assertThat(middle[4]).isEqualTo("20");
        assertThat(last[4]).as("the final round is scored on the whole holdout").isEqualTo("60");
        var expected = org.activelabeler.twospeed.Handover.judge(Double.parseDouble(middle[6]),
                Double.parseDouble(middle[5]), Double.parseDouble(middle[14]), Integer.parseInt(middle[7]));
        assertThat(middle[8]).isEqualTo(expected.owner().name().toLowerCase(java.util.Locale.ROOT));
        assertThat(Double.parseDouble(last[13])).as("ensemble holdout accuracy").isBetween(0.0, 1.0);
    }

    @Test
    void holdsOutPartOfThePoolWithoutAHoldoutFile(@TempDir Path dir) throws Exception {
        Path pool = SyntheticReviews.writeCsv(dir.resolve("pool.csv"), new SyntheticReviews(4).distinct(300));
        Path out = dir.resolve("curve.csv");

        int exit = Main.run("simulate", "--features", "tfidf,lsa", "--data", pool.toString(), "--strategy", "margin", "--init", "10",
                "--batch", "20", "--max-labels", "50", "--out", out.toString(), "--db", dir.resolve("db").toString());

        assertThat(exit).isZero();
        assertThat(Files.readAllLines(out)).hasSize(1 + 3);
    }

    @Test
    void sameSeedGivesTheSameCurve(@TempDir Path dir) throws Exception {
        Path pool = SyntheticReviews.writeCsv(dir.resolve("pool.csv"), new SyntheticReviews(5).distinct(300));
        String[] common = {"simulate", "--features", "tfidf,lsa", "--data", pool.toString(), "--init", "10", "--batch", "10",
                "--max-labels", "40", "--seed", "9", "--db", dir.resolve("db").toString()};

        Main.run(concat(common, "--out", dir.resolve("a.csv").toString()));
        Main.run(concat(common, "--out", dir.resolve("b.csv").toString()));

        assertThat(accuracies(dir.resolve("b.csv"))).isEqualTo(accuracies(dir.resolve("a.csv")));
    }

    @Test
    void rejectsAnUnknownStrategyAndAnUnlabeledPool(@TempDir Path dir) throws Exception {
        Path pool = SyntheticReviews.writeCsv(dir.resolve("pool.csv"), new SyntheticReviews(6).distinct(100));
        Path unlabeled = Files.writeString(dir.resolve("unlabeled.csv"), "review\n\"a film\"\n\"another film\"\n");
        String db = dir.resolve("db").toString();

        assertThat(Main.run("simulate", "--features", "tfidf,lsa", "--data", pool.toString(), "--strategy", "oracle", "--db", db)).isEqualTo(1);
        assertThat(Main.run("simulate", "--features", "tfidf,lsa", "--data", unlabeled.toString(), "--max-labels", "2", "--init", "2",
                "--db", db)).isEqualTo(1);
    }

    private static List<String> accuracies(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().skip(1).map(line -> line.split(",")[2]).toList();
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
