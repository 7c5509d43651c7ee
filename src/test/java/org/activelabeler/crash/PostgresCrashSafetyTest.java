package org.activelabeler.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.activelabeler.dataset.DatasetImporter;
import org.activelabeler.dataset.DatasetOrigin;
import org.activelabeler.dataset.file.TextFiles;
import org.activelabeler.progress.Progress;
import org.activelabeler.store.jdbc.JdbcDatasetStore;
import org.activelabeler.store.postgres.PostgresAddress;
import org.activelabeler.store.postgres.PostgresDatabase;
import org.activelabeler.testsupport.PostgresTestServer;
import org.activelabeler.testsupport.SyntheticReviews;
import org.activelabeler.text.hf.HuggingFaceTextTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Committed" on a team's database too: a real process labels on a real PostgreSQL server, as fast as it can
 * and at a person's pace, and is killed with SIGKILL at a random moment; every label, skip and undo it printed
 * as done is in the database, as printed, and the queue is whole ({@link CrashSafetyTest}'s check).
 */
class PostgresCrashSafetyTest {
    private static final int KILLS = Integer.getInteger("crash.kills", 6);
    private static final long SEED = Long.getLong("crash.seed", System.nanoTime());
    private final Random random = new Random(SEED);

    @TempDir
    Path dir;

    @Test
    void labelsSurviveKillsOfTheClient() throws Exception {
        PostgresTestServer server = PostgresTestServer.require();
        CrashSafetyTest.Tally tally = new CrashSafetyTest.Tally("labeling on PostgreSQL, fast and at 300 ms");
        Path file = SyntheticReviews.writeCsv(dir.resolve("pool.csv"), new SyntheticReviews(5).distinct(500));
        for (int kill = 0; kill < KILLS; kill++) {
            PostgresAddress address = server.freshDatabase();
            long datasetId;
            try (PostgresDatabase database = PostgresDatabase.open(address, PostgresTestServer.PASSWORD.toCharArray());
                 HuggingFaceTextTokenizer tokenizer = HuggingFaceTextTokenizer.bundled()) {
                datasetId = new DatasetImporter(new JdbcDatasetStore(database), tokenizer, new TextFiles())
                        .importFile(file, DatasetOrigin.IMPORT, Progress.NONE).dataset().id();
            }
            String db = server.url(address.database()) + "?user=" + PostgresTestServer.USER;
            String pause = kill % 2 == 0 ? "0" : "300";
            List<String> lines;
            try (KilledChild child = KilledChild.start(dir.resolve("child-" + kill + ".log"),
                    Map.of("ACTIVE_LABELER_DB_PASSWORD", PostgresTestServer.PASSWORD), "label", db,
                    Long.toString(datasetId), pause)) {
                assertThat(child.await("READY", 60_000)).as("child started").isTrue();
                Thread.sleep(300 + random.nextInt(1700));
                lines = child.kill();
            }
            try (PostgresDatabase database = PostgresDatabase.open(address, PostgresTestServer.PASSWORD.toCharArray())) {
                tally.add(CrashSafetyTest.checkLabels(database, lines));
            }
        }
        tally.report();
    }
}
