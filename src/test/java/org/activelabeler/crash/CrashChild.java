package org.activelabeler.crash;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.activelabeler.app.StoreLocation;
import org.activelabeler.app.Workspace;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.dataset.ImportResult;
import org.activelabeler.labeling.LabelEvent;
import org.activelabeler.labeling.LabelingSession;
import org.activelabeler.round.FastRounds;
import org.activelabeler.round.RoundOutcome;
import org.activelabeler.model.ClassifierSettings;
import org.activelabeler.progress.Progress;
import org.activelabeler.training.djl.NgramLogisticClassifier;

/**
 * The process {@link CrashSafetyTest} kills: it works on a real H2 file (or, labeling, a real PostgreSQL
 * database: {@link PostgresCrashSafetyTest}) through the app's own API
 * and prints a line for everything the API reported done, right after the call returned. The
 * parent kills it with SIGKILL and checks that every printed thing is in the database.
 *
 * <pre>
 * label DB DATASET PAUSE_MS   label, skip and undo in a loop (PAUSE_MS 0: as fast as it can)
 * retrain DB DATASET          label every 40 ms while another thread retrains in a loop
 * import DB FILE              import a file
 * hold DB                     open the database and keep it open (another process holding the folder)
 * </pre>
 * Lines: {@code READY}; {@code L seq review label}, {@code S seq review}, {@code U seq};
 * {@code R round labels}; {@code SAVING}; {@code IMPORTED dataset reviews}.
 */
public final class CrashChild {
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[1]);
        switch (args[0]) {
            case "label" -> label(args[1], Long.parseLong(args[2]), Long.parseLong(args[3]));
            case "retrain" -> retrain(db, Long.parseLong(args[2]));
            case "import" -> importFile(db, Path.of(args[2]));
            case "hold" -> hold(db);
            default -> throw new IllegalArgumentException("Unknown mode " + args[0]);
        }
    }

    /** @param db a data folder, or a team's database ({@code jdbc:postgresql://...}, password from the environment) */
    private static void label(String db, long datasetId, long pauseMillis) throws InterruptedException {
        try (Workspace workspace = Workspace.open(StoreLocation.parse(db))) {
            Corpus corpus = workspace.datasets().loadCorpus(datasetId, Progress.NONE);
            OUT.println("READY");
            labelLoop(new LabelingSession(corpus, workspace.labels(), "crash-test"), corpus, pauseMillis);
        }
    }

    private static void retrain(Path db, long datasetId) throws InterruptedException {
        try (Workspace workspace = Workspace.open(db)) {
            Corpus corpus = workspace.datasets().loadCorpus(datasetId, Progress.NONE);
            LabelingSession session = new LabelingSession(corpus, workspace.labels(), "crash-test");
            // a retrain needs both classes: the last two reviews, which the labeling loop reaches last
            long[] ids = corpus.reviewIds();
            session.label(ids[ids.length - 1], 0);
            session.label(ids[ids.length - 2], 1);
            FastRounds rounds = new FastRounds(corpus, workspace.labels(),
                    features -> new NgramLogisticClassifier(ClassifierSettings.builder().build(), features),
                    workspace.tokenizer().name(), 200, 13);
            rounds.prepare(Progress.NONE);
            Thread training = new Thread(() -> {
                try (rounds) {
                    while (true) {
                        RoundOutcome result = rounds.retrain("entropy", Progress.NONE);
                        OUT.println("R " + result.round().id() + " " + result.round().labels());
                    }
                }
            }, "retrain");
            training.setDaemon(true);
            OUT.println("READY");
            training.start();
            labelLoop(session, corpus, 40);
        }
    }

    /** Labels the reviews in turn, over and over; every 7th action is an undo and every 11th a skip. */
    private static void labelLoop(LabelingSession session, Corpus corpus, long pauseMillis) throws InterruptedException {
        long[] ids = corpus.reviewIds();
        for (long step = 0; ; step++) {
            long reviewId = ids[(int) (step % ids.length)];
            if (step % 7 == 6) {
                Optional<LabelEvent> undone = session.undo();
                undone.ifPresent(event -> OUT.println("U " + event.seq()));
            } else if (step % 11 == 10) {
                LabelEvent event = session.skip(reviewId);
                OUT.println("S " + event.seq() + " " + reviewId);
            } else {
                int label = step % 3 == 0 ? 1 : 0;
                LabelEvent event = session.label(reviewId, label);
                OUT.println("L " + event.seq() + " " + reviewId + " " + label);
            }
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
        }
    }

    private static void hold(Path db) throws InterruptedException {
        try (Workspace workspace = Workspace.open(db)) {
            OUT.println("READY");
            Thread.sleep(120_000);
        }
    }

    private static void importFile(Path db, Path file) {
        try (Workspace workspace = Workspace.open(db)) {
            OUT.println("READY");
            boolean[] saving = {false};
            ImportResult result = workspace.importer().importFile(file, (task, done, total) -> {
                if (!saving[0] && task.startsWith("Saving")) {
                    saving[0] = true;
                    OUT.println("SAVING");
                }
            });
            OUT.println("IMPORTED " + result.dataset().id() + " " + result.dataset().reviewCount());
            // stay alive: the parent kills us after it read the line
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
