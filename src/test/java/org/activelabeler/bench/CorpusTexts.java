package org.activelabeler.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The distinct texts of a CSV file (gzipped when it ends in {@code .gz}) with a header row and a
 * {@code review} or {@code text} column, in file order; exact duplicates are one text, as the importer
 * merges them. For benchmarks that read the shared data sets by path.
 */
public final class CorpusTexts {
    private CorpusTexts() {
    }

    public static List<String> read(Path file) throws IOException {
        return read(file, Integer.MAX_VALUE);
    }

    /** At most {@code limit} distinct texts from the start of the file. */
    public static List<String> read(Path file, int limit) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            String column = textColumn(parser.getHeaderNames(), file);
            Set<String> texts = new LinkedHashSet<>();
            for (CSVRecord record : parser) {
                texts.add(record.get(column));
                if (texts.size() >= limit) {
                    break;
                }
            }
            return new ArrayList<>(texts);
        }
    }

    private static String textColumn(List<String> header, Path file) {
        for (String name : header) {
            String n = name.strip().toLowerCase(Locale.ROOT);
            if (n.equals("review") || n.equals("text")) {
                return name;
            }
        }
        throw new IllegalArgumentException(file + " has no 'review' or 'text' column, only " + header);
    }
}
