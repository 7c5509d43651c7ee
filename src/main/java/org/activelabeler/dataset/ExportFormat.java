package org.activelabeler.dataset;

import java.nio.file.Path;
import java.util.Locale;

/** How labels are exported: CSV (with a header) or JSON Lines, told by the name or chosen. */
public enum ExportFormat {
    CSV,
    JSONL;

    /** {@code csv} or {@code jsonl}, any case. */
    public static ExportFormat parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format is '" + name + "'; use csv or jsonl");
        }
    }

    /** By the file's extension ({@code .jsonl}, {@code .ndjson}, {@code .json}: JSON Lines), else CSV. */
    public static ExportFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        return name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json") ? JSONL : CSV;
    }
}
