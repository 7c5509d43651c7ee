package org.activelabeler.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.activelabeler.app.Workspace;
import org.activelabeler.cli.Main;
import org.activelabeler.dataset.DatasetInfo;
import org.activelabeler.labeling.LabelAction;
import org.activelabeler.labeling.LabelEvent;
import org.activelabeler.labeling.LabelSource;
import org.activelabeler.labeling.QueueEntry;
import org.activelabeler.labeling.RoundRecord;
import org.activelabeler.progress.Progress;
import org.activelabeler.testsupport.ChildJvm;
import org.activelabeler.testsupport.CommandLineRun;
import org.activelabeler.testsupport.PostgresTestServer;
import org.activelabeler.testsupport.SyntheticReviews;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on a team's PostgreSQL database, each command in a process of its own with the password
 * in the environment, as a user runs it: {@code simulate} gives the same curve as on H2, and {@code move}
 * takes a project to the server and back with every label event, round and queue entry as it was.
 */
class PostgresCommandLineTest {
    @TempDir
    Path dir;

    private static final Map<String, String> ENV = Map.of("ACTIVE_LABELER_DB_PASSWORD", PostgresTestServer.PASSWORD,
            "ACTIVE_LABELER_TRACKING", "off");

    private String run(String... args) throws InterruptedException {
        ChildJvm child = ChildJvm.start(Main.class, ENV, dir.resolve("child-" + System.nanoTime() + ".log"), args);
        assertThat(child.await(300)).as(String.join(" ", args) + "\n" + child.output()).isZero();
        return child.output();
    }

    private String serverDb(PostgresTestServer server) {
        return server.url(server.freshDatabase().database()) + "?user=" + PostgresTestServer.USER;
    }

    @Test
    void simulateOnPostgresGivesTheSameCurveAsOnH2() throws Exception {
        PostgresTestServer server = PostgresTestServer.require();
        List<SyntheticReviews.Review> reviews = new SyntheticReviews(3).distinct(300);
        Path pool = SyntheticReviews.writeCsv(dir.resolve("pool.csv"), reviews.subList(0, 240));
        Path holdout = SyntheticReviews.writeCsv(dir.resolve("holdout.csv"), reviews.subList(240, 300));
        String[] common = {"simulate", "--features", "tfidf,lsa", "--data", pool.toString(), "--holdout",
                holdout.toString(), "--init", "10", "--batch", "10", "--max-labels", "50", "--seed", "4"};
        run(concat(common, "--out", dir.resolve("h2.csv").toString(), "--db", dir.resolve("db").toString()));
        run(concat(common, "--out", dir.resolve("pg.csv").toString(), "--db", serverDb(server)));
        List<String> h2 = Files.readAllLines(dir.resolve("h2.csv"));
        List<String> pg = Files.readAllLines(dir.resolve("pg.csv"));
        assertThat(pg).hasSize(1 + 5);
        assertThat(accuracies(pg)).as("labels, accuracy, macro F1 of each round").isEqualTo(accuracies(h2));
    }

    @Test
    void moveTakesAProjectToTheServerAndBackWithEverything() throws Exception {
        PostgresTestServer server = PostgresTestServer.require();
        Path file = SyntheticReviews.writeCsv(dir.resolve("reviews.csv"), new SyntheticReviews(9).distinct(60));
        Path first = dir.resolve("first");
        CommandLineRun.succeed("import", "--data", file.toString(), "--db", first.toString());
        try (Workspace workspace = Workspace.open(first)) {
            DatasetInfo info = workspace.datasets().list().get(0);
            long[] ids = workspace.datasets().loadCorpus(info.id(), Progress.NONE).reviewIds();
            workspace.labels().record(ids[0], LabelAction.LABEL, 1, "ann", LabelSource.HUMAN);
            workspace.labels().record(ids[0], LabelAction.LABEL, 0, "ben", LabelSource.HUMAN);
            workspace.labels().record(ids[0], LabelAction.LABEL, 0, "rev", LabelSource.REVIEW);
            workspace.labels().record(ids[1], LabelAction.SKIP, LabelEvent.NO_LABEL, "ann", LabelSource.HUMAN);
            workspace.labels().record(ids[2], LabelAction.LABEL, 1, "ann", LabelSource.HUMAN);
            workspace.labels().undoLast(info.id(), "ann");
            workspace.labels().saveRound(info.id(), new org.activelabeler.labeling.NewRound(3, "ngram-logreg",
                    "entropy", 0.75, 10, 5), List.of(new QueueEntry(ids[5], 0, 0.6, 1, 0.55, "entropy")));
            workspace.labels().recordAuditDraws(info.id(), List.of(ids[7]));
        }
        String db = serverDb(server);
        assertThat(run("move", "--from", first.toString(), "--to", db)).contains("Moved 1 dataset(s)", "60 texts",
                "5 label events", "1 rounds");
        assertThat(run("team", "--dataset", "reviews", "--db", db, "--overlap", "0.2"))
                .contains("20% of the reviews go to two annotators", "on 1 reviews labeled twice; 0 to settle",
                        "Cohen's kappa ann / ben");
        Path back = dir.resolve("back");
        run("move", "--from", db, "--to", back.toString());
        ChildJvm again = ChildJvm.start(Main.class, ENV, dir.resolve("again.log"), "move", "--from", first.toString(),
                "--to", db);
        assertThat(again.await(120)).isNotZero();
        assertThat(again.output()).contains("already holds 'reviews'", "nothing was moved");
        try (Workspace original = Workspace.open(first); Workspace returned = Workspace.open(back)) {
            DatasetInfo was = original.datasets().list().get(0);
            DatasetInfo is = returned.datasets().list().get(0);
            assertThat(is.name()).isEqualTo(was.name());
            assertThat(is.contentSha256()).isEqualTo(was.contentSha256());
            assertThat(is.labels()).isEqualTo(was.labels());
            assertThat(returned.datasets().reviewTexts(is.id(), Progress.NONE))
                    .isEqualTo(original.datasets().reviewTexts(was.id(), Progress.NONE));
            assertThat(returned.datasets().loadCorpus(is.id(), Progress.NONE).tokenIds())
                    .isDeepEqualTo(original.datasets().loadCorpus(was.id(), Progress.NONE).tokenIds());
            assertThat(withoutIds(returned.labels().events(is.id()))).isEqualTo(withoutIds(original.labels().events(was.id())));
            assertThat(returned.labels().rounds(is.id())).extracting(RoundRecord::labels, RoundRecord::validationAccuracy,
                    RoundRecord::createdAt).isEqualTo(original.labels().rounds(was.id()).stream()
                    .map(r -> org.assertj.core.groups.Tuple.tuple(r.labels(), r.validationAccuracy(), r.createdAt())).toList());
            assertThat(returned.labels().queue(is.id())).extracting(QueueEntry::rank, QueueEntry::topProbability)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 0.55));
            assertThat(returned.labels().auditDraws(is.id())).hasSize(1);
            assertThat(returned.claims().settings(is.id()).overlapShare()).isEqualTo(0.2);
        }
    }

    private static List<String> withoutIds(List<LabelEvent> events) {
        return events.stream().map(e -> e.action() + " " + e.label() + " " + e.annotator() + " " + e.source() + " "
                + e.createdAt() + " " + e.undoneAt()).toList();
    }

    private static List<String> accuracies(List<String> curve) {
        return curve.stream().map(line -> {
            String[] cells = line.split(",");
            return cells[1] + "," + cells[2] + "," + cells[3];
        }).toList();
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}
