package org.activelabeler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.activelabeler.app.Workspace;
import org.activelabeler.dataset.DatasetOrigin;
import org.activelabeler.testsupport.CommandLineRun;
import org.activelabeler.testsupport.SyntheticReviews;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsCommandTest {
    @TempDir
    Path dir;

    @Test
    void experimentsAreMarkedAndAnImportMakesThemOrdinary() throws Exception {
        Path db = dir.resolve("db");
        Path pool = SyntheticReviews.writeCsv(dir.resolve("pool.csv"), new SyntheticReviews(2).distinct(80));
        run(0, "simulate", "--features", "tfidf,lsa", "--data", pool.toString(), "--init", "10", "--batch", "10", "--max-labels", "20",
                "--db", db.toString(), "--tracking-uri", "http://127.0.0.1:9");
        assertThat(run(0, "datasets", "--db", db.toString())).contains("pool").contains("(experiment)");

        run(0, "import", "--data", pool.toString(), "--db", db.toString());
        assertThat(run(0, "datasets", "--db", db.toString())).contains("pool").doesNotContain("(experiment)");
        try (Workspace workspace = Workspace.open(db)) {
            assertThat(workspace.datasets().list()).singleElement()
                    .satisfies(d -> assertThat(d.origin()).isEqualTo(DatasetOrigin.IMPORT));
        }
    }

    @Test
    void deleteTakesANameOrAnIdAndAsksForTheIdWhenANameIsShared() throws Exception {
        Path db = dir.resolve("db");
        Path first = SyntheticReviews.writeCsv(Files.createDirectories(dir.resolve("a")).resolve("reviews.csv"),
                new SyntheticReviews(2).distinct(20));
        Path second = SyntheticReviews.writeCsv(Files.createDirectories(dir.resolve("b")).resolve("reviews.csv"),
                new SyntheticReviews(3).distinct(20));
        Path third = SyntheticReviews.writeCsv(dir.resolve("other.csv"), new SyntheticReviews(4).distinct(20));
        for (Path file : new Path[] {first, second, third}) {
            run(0, "import", "--data", file.toString(), "--db", db.toString());
        }

        assertThat(run(1, "datasets", "--db", db.toString(), "--delete", "reviews"))
                .contains("2 datasets are named 'reviews' (ids 2, 1); give the id instead");
        assertThat(run(0, "datasets", "--db", db.toString(), "--delete", "1"))
                .contains("Deleted dataset 1 'reviews' (20 texts)");
        assertThat(run(0, "datasets", "--db", db.toString(), "--delete", "other")).contains("Deleted dataset 3 'other'");
        assertThat(run(0, "datasets", "--db", db.toString())).contains("   2  reviews").doesNotContain("other");
    }

    @Test
    void aClassAddedLaterComesLastAndEveryLabelKeepsItsClass() throws Exception {
        Path db = dir.resolve("db");
        Path file = Files.writeString(dir.resolve("topics.csv"), "text,label\n"
                + "stocks fell sharply,Business\nthe match ended level,Sports\nnew chip announced,Sci/Tech\n"
                + "markets rallied,Business\n");
        run(0, "import", "--data", file.toString(), "--db", db.toString());
        try (Workspace workspace = Workspace.open(db)) {
            long id = workspace.datasets().list().get(0).id();
            long first = workspace.datasets().loadCorpus(id, org.activelabeler.progress.Progress.NONE).reviewIds()[0];
            workspace.labels().record(first, org.activelabeler.labeling.LabelAction.LABEL, 2, "ann",
                    org.activelabeler.labeling.LabelSource.HUMAN);
        }

        assertThat(run(0, "datasets", "--db", db.toString(), "--dataset", "topics", "--add-class", "World"))
                .contains("now has 4 classes: Business,Sci/Tech,Sports,World. 'World' is class 3 (key 4)");
        assertThat(run(1, "datasets", "--db", db.toString(), "--dataset", "topics", "--add-class", "world"))
                .contains("The class 'world' is named twice");
        assertThat(run(1, "datasets", "--db", db.toString(), "--add-class", "Weather"))
                .contains("--add-class and --dataset go together");
        try (Workspace workspace = Workspace.open(db)) {
            var dataset = workspace.datasets().list().get(0);
            assertThat(dataset.labels().names()).containsExactly("Business", "Sci/Tech", "Sports", "World");
            assertThat(workspace.labels().currentLabels(dataset.id()).values()).containsExactly(2);
        }
    }

    private static String run(int expectedExit, String... args) {
        return CommandLineRun.expect(expectedExit, args);
    }
}
