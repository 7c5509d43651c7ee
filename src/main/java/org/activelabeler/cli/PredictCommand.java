package org.activelabeler.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.activelabeler.dataset.ColumnChoice;
import org.activelabeler.dataset.LabelSet;
import org.activelabeler.dataset.SourceFile;
import org.activelabeler.dataset.SourceRow;
import org.activelabeler.dataset.file.TextFiles;
import org.activelabeler.model.Predictions;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "predict", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Score the texts of a file with a model: writes id, text, the predicted label and one"
                + " probability per class (p_<class>) as CSV.",
            "The file is read as import reads it (CSV, TSV or JSON Lines, gzipped or not); nothing is imported."
                    + " A model fetched from MLflow is kept in the model cache and then works offline."})
final class PredictCommand implements Callable<Integer> {
    static final int BATCH = 2048;

    @Option(names = "--model", required = true, paramLabel = "REF",
            description = "models:/NAME/VERSION, models:/NAME@ALIAS, runs:/RUN_ID/PATH or a model folder.")
    String model;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The texts to score.")
    Path data;

    @Option(names = "--text-column", paramLabel = "NAME",
            description = "Column (or JSON field) with the text (default: the first of review, text, sentence,"
                    + " question, content).")
    String textColumn;

    @Option(names = "--id-column", paramLabel = "NAME", description = "Column with each row's id (default: id;"
            + " without one, the line number).")
    String idColumn;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the CSV (default: the terminal).")
    Path out;

    @Mixin
    DatabaseOption database;

    @Mixin
    TrackingOptions tracking;

    @Override
    public Integer call() {
        SourceFile file = new TextFiles().read(data, new ColumnChoice(textColumn, "", idColumn));
        try (TerminalProgress progress = new TerminalProgress();
             LoadedModel loaded = LoadedModel.open(model, database.localFolder(), tracking.trackingUri, progress)) {
            List<SourceRow> rows = file.rows();
            LabelSet labels = loaded.model().labels();
            long start = System.nanoTime();
            List<Predictions> scored = new ArrayList<>();
            for (int from = 0; from < rows.size(); from += BATCH) {
                List<String> texts = rows.subList(from, Math.min(rows.size(), from + BATCH)).stream()
                        .map(SourceRow::text).toList();
                progress.update("Scoring " + data.getFileName(), from, rows.size());
                scored.add(loaded.model().score(texts, progress));
                progress.update("Scoring " + data.getFileName(), from + texts.size(), rows.size());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            progress.close();
            write(rows, scored, labels);
            System.err.printf(Locale.ROOT, "Scored %d texts of %s with %s in %.1f s (%.0f texts/s)%s%n", rows.size(),
                    data, loaded.description(), seconds, rows.size() / Math.max(seconds, 1e-9),
                    out == null ? "" : "; wrote " + out);
            return 0;
        }
    }

    private void write(List<SourceRow> rows, List<Predictions> scored, LabelSet labels) {
        List<String> header = new ArrayList<>(List.of("id", "text", "label"));
        labels.names().forEach(name -> header.add("p_" + name));
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator('\n').setHeader(header.toArray(String[]::new))
                .get();
        Path temporary = out == null ? null : out.toAbsolutePath().resolveSibling("." + out.getFileName() + ".partial");
        try {
            Writer writer = out == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                    : Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
            try (CSVPrinter printer = new CSVPrinter(writer, format)) {
                int row = 0;
                for (Predictions batch : scored) {
                    for (int i = 0; i < batch.size(); i++, row++) {
                        SourceRow source = rows.get(row);
                        List<Object> record = new ArrayList<>();
                        record.add(source.id() != null ? source.id() : Long.toString(source.line()));
                        record.add(source.text());
                        record.add(labels.name(batch.top(i)));
                        for (int c = 0; c < labels.size(); c++) {
                            record.add(String.format(Locale.ROOT, "%.6f", batch.get(i, c)));
                        }
                        printer.printRecord(record);
                    }
                }
                printer.flush();
            }
            if (temporary != null) {
                Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the predictions to " + (out == null ? "the terminal" : out), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // nothing was written where the person asked
                }
            }
        }
    }
}
