package org.activelabeler.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.activelabeler.app.StoreLocation;
import org.activelabeler.app.Workspace;
import org.activelabeler.labeling.LabelEvent;
import org.activelabeler.store.postgres.PostgresAddress;
import org.activelabeler.team.TeamQueue;
import org.activelabeler.team.TeamSettings;
import org.activelabeler.testsupport.PostgresTestServer;
import org.activelabeler.ui.labeling.LabelingViewModel;
import org.activelabeler.ui.labeling.OpenedDataset;
import org.activelabeler.ui.labeling.QueueRow;
import org.activelabeler.ui.labeling.ReviewTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two windows' labeling view models on one dataset of a real PostgreSQL server, as two annotators' apps:
 * each is served only texts claimed for it, so they never show or label the same text (no overlap here),
 * and both see the texts the other labeled leave the pool.
 */
class TeamLabelingViewModelTest {
    @TempDir
    Path dir;

    /** Two annotators' apps on one new dataset of a fresh database. */
    private record Team(Workspace annsApp, Workspace bensApp, long datasetId) implements AutoCloseable {
        @Override
        public void close() {
            annsApp.close();
            bensApp.close();
        }
    }

    private Team team(int texts, double overlap) {
        PostgresAddress address = PostgresTestServer.require().freshDatabase();
        char[] password = PostgresTestServer.PASSWORD.toCharArray();
        StoreLocation.Server location = new StoreLocation.Server(address, dir.resolve("local"));
        Workspace annsApp = Workspace.open(location, password);
        Workspace bensApp = Workspace.open(location, password);
        long datasetId = UiFixture.importInto(annsApp, UiFixture.writeCsv(dir.resolve("reviews.csv"), texts)).id();
        annsApp.claims().saveSettings(datasetId, new TeamSettings(overlap, Duration.ofMinutes(10)));
        return new Team(annsApp, bensApp, datasetId);
    }

    @Test
    void twoAnnotatorsAreNeverShownTheSameText() {
        try (Team team = team(60, 0.0)) {
            Workspace annsApp = team.annsApp();
            long datasetId = team.datasetId();
            LabelingViewModel ann = window(annsApp, datasetId, "ann");
            LabelingViewModel ben = window(team.bensApp(), datasetId, "ben");
            Set<Long> shown = new HashSet<>();
            for (int i = 0; i < 12; i++) {
                Long annsText = ann.currentProperty().get();
                Long bensText = ben.currentProperty().get();
                assertThat(annsText).isNotNull().isNotEqualTo(bensText);
                assertThat(ann.upcoming()).extracting(QueueRow::reviewId).doesNotContain(bensText);
                assertThat(shown.add(annsText)).as("never shown again").isTrue();
                assertThat(shown.add(bensText)).isTrue();
                ann.label(i % 2);
                ben.label((i + 1) % 2);
            }
            List<LabelEvent> events = annsApp.labels().events(datasetId);
            assertThat(events).hasSize(24);
            assertThat(events.stream().map(LabelEvent::reviewId).distinct()).hasSize(24);
        }
    }

    private static LabelingViewModel window(Workspace workspace, long datasetId, String annotator) {
        OpenedDataset opened = UiFixture.open(workspace, datasetId);
        LabelingViewModel model = new LabelingViewModel(opened, opened.corpus().reviewIds(), workspace.labels(),
                new ReviewTexts(workspace.datasets(), Runnable::run), annotator);
        model.serveTeam(name -> new TeamQueue(opened.corpus(), workspace.labels(), workspace.claims(), name),
                Runnable::run, Runnable::run);
        model.start(null);
        return model;
    }

    @Test
    void inTheOverlapTheSecondAnnotatorLabelsWhatTheFirstDidWithoutSeeingItsLabel() {
        try (Team team = team(30, 1.0)) {
            Workspace bensApp = team.bensApp();
            long datasetId = team.datasetId();
            LabelingViewModel ann = window(team.annsApp(), datasetId, "ann");
            Set<Long> annLabeled = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                annLabeled.add(ann.currentProperty().get());
                ann.label(1);
            }

            LabelingViewModel ben = window(bensApp, datasetId, "ben");
            Set<Long> benLabeled = new HashSet<>();
            for (int i = 0; i < 8; i++) {
                Long text = ben.currentProperty().get();
                if (annLabeled.contains(text)) {
                    assertThat(ben.titleProperty().get()).as("ann's label is not shown to ben").doesNotContain("labeled");
                }
                benLabeled.add(text);
                ben.label(0);
            }
            assertThat(benLabeled).as("every text goes to two annotators: ben labels ann's too")
                    .containsAll(annLabeled);
            Map<Long, Map<String, Integer>> byAnnotator = org.activelabeler.team.AnnotatorLabels.of(
                    bensApp.labels().events(datasetId));
            annLabeled.forEach(id -> assertThat(byAnnotator.get(id)).isEqualTo(Map.of("ann", 1, "ben", 0)));
        }
    }

    @Test
    void whenThePoolRunsOutTheWindowSaysSoAndDoesNotAskAgainAtOnce() {
        try (Team team = team(10, 0.0)) {
            LabelingViewModel ann = window(team.annsApp(), team.datasetId(), "ann");
            LabelingViewModel ben = window(team.bensApp(), team.datasetId(), "ben");
            assertThat(ben.currentProperty().get()).as("ann holds all ten").isNull();
            assertThat(ben.titleProperty().get()).isEqualTo("Nothing left for you");
            ben.checkTeam();
            for (int i = 0; i < 10; i++) {
                ann.label(i % 2);
            }
            assertThat(ann.currentProperty().get()).isNull();
            assertThat(ann.titleProperty().get()).isEqualTo("Nothing left for you");
            assertThat(team.annsApp().labels().currentLabels(team.datasetId())).hasSize(10);
        }
    }
}
