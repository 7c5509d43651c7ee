package org.activelabeler.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.dataset.DatasetImporter;
import org.activelabeler.dataset.DatasetOrigin;
import org.activelabeler.dataset.file.TextFiles;
import org.activelabeler.labeling.LabelEvent;
import org.activelabeler.progress.Progress;
import org.activelabeler.store.jdbc.JdbcClaimStore;
import org.activelabeler.store.jdbc.JdbcDatasetStore;
import org.activelabeler.store.jdbc.JdbcLabelStore;
import org.activelabeler.store.postgres.PostgresAddress;
import org.activelabeler.store.postgres.PostgresDatabase;
import org.activelabeler.testsupport.ChildJvm;
import org.activelabeler.testsupport.PostgresTestServer;
import org.activelabeler.testsupport.SyntheticReviews;
import org.activelabeler.text.hf.HuggingFaceTextTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four annotators, each in a process of its own, label one dataset at the same time on a real PostgreSQL
 * server: every review is labeled, by exactly one annotator outside the overlap share and by exactly two in
 * it, and every label a process gave is in the store.
 */
class TeamLabelingTest {
    private static final int REVIEWS = 400;
    private static final int ANNOTATORS = 4;

    @TempDir
    Path dir;

    @Test
    void annotatorsInSeparateProcessesNeverLabelTheSameReviewOutsideTheOverlap() throws Exception {
        PostgresTestServer server = PostgresTestServer.require();
        PostgresAddress address = server.freshDatabase();
        Corpus corpus;
        TeamSettings settings = new TeamSettings(0.15, Duration.ofMinutes(10));
        try (PostgresDatabase database = PostgresDatabase.open(address, PostgresTestServer.PASSWORD.toCharArray())) {
            Path file = SyntheticReviews.writeCsv(dir.resolve("team.csv"), new SyntheticReviews(5).distinct(REVIEWS));
            JdbcDatasetStore datasets = new JdbcDatasetStore(database);
            try (HuggingFaceTextTokenizer tokenizer = HuggingFaceTextTokenizer.bundled()) {
                long id = new DatasetImporter(datasets, tokenizer, new TextFiles())
                        .importFile(file, DatasetOrigin.IMPORT, Progress.NONE).dataset().id();
                corpus = datasets.loadCorpus(id, Progress.NONE);
            }
            new JdbcClaimStore(database).saveSettings(corpus.dataset().id(), settings);
        }

        String db = server.url(address.database()) + "?user=" + PostgresTestServer.USER;
        List<ChildJvm> children = new ArrayList<>();
        for (int i = 0; i < ANNOTATORS; i++) {
            children.add(ChildJvm.start(TeamAnnotatorChild.class, Map.of("ACTIVE_LABELER_DB_PASSWORD",
                    PostgresTestServer.PASSWORD), dir.resolve("annotator-" + i + ".log"), db,
                    Long.toString(corpus.dataset().id()), "annotator-" + i, "5", dir.resolve("go").toString()));
        }
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!children.stream().allMatch(child -> child.output().contains("ready"))) {
            assertThat(System.nanoTime()).as("the annotators opened the store").isLessThan(deadline);
            Thread.sleep(20);
        }
        java.nio.file.Files.createFile(dir.resolve("go"));
        int reported = 0;
        for (ChildJvm child : children) {
            assertThat(child.await(300)).as(child.output()).isZero();
            String line = child.output().lines().filter(l -> l.startsWith("labeled ")).findFirst().orElseThrow();
            int count = Integer.parseInt(line.substring("labeled ".length()));
            assertThat(count).as("every annotator got work").isPositive();
            reported += count;
        }

        try (PostgresDatabase database = PostgresDatabase.open(address, PostgresTestServer.PASSWORD.toCharArray())) {
            List<LabelEvent> events = new JdbcLabelStore(database).events(corpus.dataset().id());
            assertThat(events).as("no label lost").hasSize(reported);
            Map<Long, List<String>> labelers = events.stream().collect(Collectors.groupingBy(LabelEvent::reviewId,
                    Collectors.mapping(LabelEvent::annotator, Collectors.toList())));
            assertThat(labelers).as("every review labeled").hasSize(REVIEWS);
            Map<Integer, Integer> reviewsByLabelers = new HashMap<>();
            labelers.forEach((review, who) -> {
                assertThat(who).as("no annotator labels a review twice").doesNotHaveDuplicates();
                assertThat(who).as("review " + review).hasSize(settings.labelersOf(review));
                reviewsByLabelers.merge(who.size(), 1, Integer::sum);
            });
            assertThat(reviewsByLabelers.get(2)).as("the overlap share, about 15%").isBetween(30, 100);
            Agreement.Report agreement = Agreement.of(AnnotatorLabels.of(events), 2);
            assertThat(agreement.alpha()).as("all answered with the file's labels").isEqualTo(1.0);
            assertThat(agreement.reviews()).isEqualTo(reviewsByLabelers.get(2));
        }
    }
}
