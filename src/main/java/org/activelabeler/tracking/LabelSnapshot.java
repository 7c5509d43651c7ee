package org.activelabeler.tracking;

import java.util.Arrays;
import org.activelabeler.dataset.LabelSet;

/**
 * The labels a model was trained on, as the {@code label_snapshot.csv} its run logs: a header
 * {@code <row column>,label}, then one row index and the class's name per label.
 *
 * @param rowColumn {@code row} (a row of the dataset, in stored order; {@code train}, the window) or
 *     {@code pool_row} (a row of the simulation's query pool; {@code simulate})
 * @param classes the class index of each row, in {@code labels}
 */
public record LabelSnapshot(String rowColumn, int[] rows, int[] classes, LabelSet labels) {
    public static final String FILE = "label_snapshot.csv";

    public String toCsv() {
        StringBuilder csv = new StringBuilder(rowColumn).append(",label\n");
        for (int i = 0; i < rows.length; i++) {
            csv.append(rows[i]).append(',').append(escaped(labels.name(classes[i]))).append('\n');
        }
        return csv.toString();
    }

    private static String escaped(String name) {
        return name.contains(",") || name.contains("\"") ? "\"" + name.replace("\"", "\"\"") + "\"" : name;
    }

    /** @param rowCount rows the indices must fall in */
    public static LabelSnapshot parse(String csv, int rowCount, String source, LabelSet labels) {
        String[] lines = csv.strip().split("\r?\n");
        String[] header = lines[0].split(",");
        if (header.length != 2 || !header[1].equals("label")) {
            throw new IllegalArgumentException(source + " has the header '" + lines[0] + "'; expected"
                    + " '<row>,label'");
        }
        int[] rows = new int[lines.length - 1];
        int[] classes = new int[lines.length - 1];
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", 2);
            String where = source + " line " + (i + 1);
            if (cells.length != 2) {
                throw new IllegalArgumentException(where + " is '" + lines[i] + "'; expected '<row>,<label>'");
            }
            try {
                rows[i - 1] = Integer.parseInt(cells[0]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": row '" + cells[0] + "' is not a number", e);
            }
            if (rows[i - 1] < 0 || rows[i - 1] >= rowCount) {
                throw new IllegalArgumentException(where + ": row " + rows[i - 1] + " is outside the " + rowCount
                        + " rows of the data it refers to");
            }
            String name = cells[1].startsWith("\"") ? cells[1].substring(1, cells[1].length() - 1).replace("\"\"", "\"")
                    : cells[1];
            classes[i - 1] = labels.indexOf(name).orElseThrow(() -> new IllegalArgumentException(where
                    + ": unknown label '" + name + "'; the classes are " + labels.quoted()));
        }
        return new LabelSnapshot(header[0], rows, classes, labels);
    }

    public long count(int classIndex) {
        return Arrays.stream(classes).filter(c -> c == classIndex).count();
    }
}
