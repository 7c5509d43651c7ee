package org.activelabeler.dataset;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/** The layouts of text files the app reads: each also gzipped, told apart by extension, then by content. */
public enum TextFormat {
    CSV("CSV"),
    TSV("TSV (tab-separated)"),
    JSONL("JSON Lines (one JSON object per line)");

    private final String description;

    TextFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /**
     * The format of a file: from its name ({@code .csv}, {@code .tsv}/{@code .tab}, {@code .jsonl}/
     * {@code .ndjson}/{@code .json}, each optionally {@code .gz}), else from its first line: a
     * {@code {} means JSON Lines, a tab and no comma means TSV, anything else CSV.
     *
     * @param head the first bytes of the decompressed content
     */
    public static TextFormat detect(Path file, byte[] head) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".tsv") || name.endsWith(".tab")) {
            return TSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return JSONL;
        }
        String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        if (text.startsWith("{")) {
            return JSONL;
        }
        int lineEnd = text.indexOf('\n');
        String firstLine = lineEnd < 0 ? text : text.substring(0, lineEnd);
        return firstLine.contains("\t") && !firstLine.contains(",") ? TSV : CSV;
    }

    /** The file name without the format's extensions: the dataset's default name. */
    public static String stem(Path file) {
        return file.getFileName().toString().replaceFirst("(?i)\\.gz$", "")
                .replaceFirst("(?i)\\.(csv|tsv|tab|jsonl|ndjson|json)$", "");
    }
}
