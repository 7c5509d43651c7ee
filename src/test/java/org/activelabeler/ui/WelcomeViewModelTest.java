package org.activelabeler.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.activelabeler.app.Workspace;
import org.activelabeler.dataset.DatasetInfo;
import org.activelabeler.ui.task.CallingThreadExecutor;
import org.activelabeler.ui.welcome.WelcomeViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WelcomeViewModelTest {
    @TempDir
    Path dir;
    private Workspace workspace;
    private final List<DatasetInfo> opened = new ArrayList<>();
    private WelcomeViewModel model;

    @BeforeEach
    void open() {
        workspace = Workspace.open(dir.resolve("db"));
        model = new WelcomeViewModel(new CallingThreadExecutor(), workspace::importer,
                file -> workspace.preview(file, 10), List.of(), opened::add,
                workspace.datasets()::delete);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void anImportedFileOpens() {
        model.importFile(UiFixture.writeCsv(dir.resolve("reviews.csv"), 6));

        assertThat(opened).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("reviews");
            assertThat(d.reviewCount()).isEqualTo(6);
        });
        assertThat(model.importingProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo("Imported 6 texts.");
    }

    @Test
    void aBadFileSaysWhereAndOpensNothing() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "review,sentiment\n\"fine\",positive\n\"meh\",negative,extra\n",
                StandardCharsets.UTF_8);

        model.importFile(bad);

        assertThat(opened).isEmpty();
        assertThat(model.messageProperty().get()).contains("bad.csv:3").contains("expected 2 fields");
        assertThat(workspace.datasets().list()).isEmpty();
    }

    @Test
    void theDialogsChoicesImportAnUnlabeledTsvWithDeclaredClassesInTheirOrder() throws Exception {
        Path tsv = Files.writeString(dir.resolve("questions.tsv"), "qid\tquestion\n"
                + "q1\tWho won the cup final?\nq2\tWhat moved the stock market?\nq3\tHow fast is the new chip?\n",
                StandardCharsets.UTF_8);
        var choices = model.choices(tsv).orElseThrow();
        assertThat(choices.preview().format()).isEqualTo(org.activelabeler.dataset.TextFormat.TSV);
        assertThat(choices.text()).isEqualTo("question");
        assertThat(choices.label()).isEqualTo(org.activelabeler.ui.welcome.ImportChoices.NONE);
        assertThat(choices.preview().rows()).hasSize(3);
        choices.id("qid");
        choices.classes("Sports, Business,Sports");
        assertThat(choices.problem()).contains("The class 'Sports' is named twice.");
        choices.classes("Sports,Business,Sci/Tech");
        assertThat(choices.problem()).isEmpty();
        assertThat(choices.classesHint()).startsWith("3 classes in this order, keys 1 to 3");

        model.importFile(tsv, choices.options());

        DatasetInfo imported = opened.get(0);
        assertThat(imported.labels().names()).containsExactly("Sports", "Business", "Sci/Tech");
        assertThat(imported.labeled()).isFalse();
        assertThat(workspace.datasets().sourceIds(imported.id()).values()).containsExactlyInAnyOrder("q1", "q2", "q3");
    }

    @Test
    void aFileThatCannotBePreviewedSaysWhy() {
        assertThat(model.choices(dir.resolve("missing.csv"))).isEmpty();
        assertThat(model.messageProperty().get()).contains("missing.csv");
    }

    @Test
    void aDeletedDatasetLeavesTheListAndTheStoreWithItsLabels() {
        model.importFile(UiFixture.writeCsv(dir.resolve("reviews.csv"), 6));
        DatasetInfo imported = opened.get(0);
        long review = workspace.datasets().loadCorpus(imported.id(), org.activelabeler.progress.Progress.NONE)
                .reviewIds()[0];
        workspace.labels().record(review, org.activelabeler.labeling.LabelAction.LABEL,
                1, "alice", org.activelabeler.labeling.LabelSource.HUMAN);
        model.datasets().setAll(workspace.datasets().list());

        model.delete(imported);

        assertThat(model.datasets()).isEmpty();
        assertThat(workspace.datasets().list()).isEmpty();
        assertThat(workspace.labels().currentLabels(imported.id())).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("Deleted reviews.");
    }
}
