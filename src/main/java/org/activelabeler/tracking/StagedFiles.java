package org.activelabeler.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.activelabeler.simulation.LabeledRows;

/** Writes the small files a run uploads: label snapshot, confusion matrix. */
public final class StagedFiles {
    private StagedFiles() {
    }

    /** {@code pool_row,label} for each labeled row, in reveal order. */
    static String labelSnapshot(LabeledRows pool, int[] labeledRows) {
        int[] classes = new int[labeledRows.length];
        for (int i = 0; i < labeledRows.length; i++) {
            classes[i] = pool.gold()[labeledRows[i]];
        }
        return labelSnapshot("pool_row", labeledRows, classes);
    }

    /** {@code <rowColumn>,label}, then each row with its class (1 positive, 0 negative), in the given order. */
    public static String labelSnapshot(String rowColumn, int[] rows, int[] classes) {
        StringBuilder csv = new StringBuilder(rowColumn).append(",label\n");
        for (int i = 0; i < rows.length; i++) {
            csv.append(rows[i]).append(',').append(classes[i] == 1 ? "positive" : "negative").append('\n');
        }
        return csv.toString();
    }

    /** @param confusion {@code confusion[gold][predicted]} */
    public static String confusionMatrix(int[][] confusion) {
        return String.format(Locale.ROOT, "gold\\predicted,negative,positive%nnegative,%d,%d%npositive,%d,%d%n",
                confusion[0][0], confusion[0][1], confusion[1][0], confusion[1][1]);
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
