package org.activelabeler.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.activelabeler.dataset.LabelSet;
import org.activelabeler.evaluation.ClassMetrics;
import org.activelabeler.simulation.LabeledRows;

/** Writes the small files a run uploads: label snapshot, confusion matrix. */
public final class StagedFiles {
    private StagedFiles() {
    }

    /** {@code pool_row,label} for each labeled row, in reveal order. */
    static String labelSnapshot(LabeledRows pool, int[] labeledRows, LabelSet labels) {
        int[] classes = new int[labeledRows.length];
        for (int i = 0; i < labeledRows.length; i++) {
            classes[i] = pool.gold()[labeledRows[i]];
        }
        return new LabelSnapshot("pool_row", labeledRows, classes, labels).toCsv();
    }

    /** {@code row,label}: rows of the dataset in stored order, with their classes' names. */
    public static String labelSnapshot(int[] rows, int[] classes, LabelSet labels) {
        return new LabelSnapshot("row", rows, classes, labels).toCsv();
    }

    /**
     * {@code gold\predicted,<class>,...} then one row per gold class.
     *
     * @param confusion {@code confusion[gold][predicted]}
     */
    public static String confusionMatrix(int[][] confusion, LabelSet labels) {
        StringBuilder csv = new StringBuilder("gold\\predicted");
        for (String name : labels.names()) {
            csv.append(',').append(cell(name));
        }
        csv.append('\n');
        for (int gold = 0; gold < confusion.length; gold++) {
            csv.append(cell(labels.name(gold)));
            for (int count : confusion[gold]) {
                csv.append(',').append(count);
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /** Per class: precision, recall, F1 and support. */
    public static String perClassMetrics(ClassMetrics metrics, LabelSet labels) {
        StringBuilder csv = new StringBuilder("class,precision,recall,f1,support\n");
        for (int c = 0; c < metrics.classes(); c++) {
            csv.append(cell(labels.name(c))).append(String.format(Locale.ROOT, ",%.6f,%.6f,%.6f,%d%n",
                    metrics.precision()[c], metrics.recall()[c], metrics.f1()[c], metrics.support()[c]));
        }
        return csv.toString();
    }

    private static String cell(String name) {
        return name.contains(",") || name.contains("\"") ? "\"" + name.replace("\"", "\"\"") + "\"" : name;
    }

    public static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the tracking file " + file, e);
        }
    }
}
