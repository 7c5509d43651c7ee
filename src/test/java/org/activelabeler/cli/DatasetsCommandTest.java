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
        run(0, "simulate", "--data", pool.toString(), "--init", "10", "--batch", "10", "--max-labels", "20",
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
                .contains("Deleted dataset 1 'reviews' (20 reviews)");
        assertThat(run(0, "datasets", "--db", db.toString(), "--delete", "other")).contains("Deleted dataset 3 'other'");
        assertThat(run(0, "datasets", "--db", db.toString())).contains("   2  reviews").doesNotContain("other");
    }

    private static String run(int expectedExit, String... args) {
        return CommandLineRun.expect(expectedExit, args);
    }
}
