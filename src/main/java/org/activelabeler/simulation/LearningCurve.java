package org.activelabeler.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rounds of one experiment, in order. */
public final class LearningCurve {
    public static final String CSV_HEADER = "round,labels,accuracy,macro_f1,train_ms,score_ms";
    private final List<RoundResult> rounds = new ArrayList<>();

    public void add(RoundResult round) {
        rounds.add(round);
    }

    public List<RoundResult> rounds() {
        return List.copyOf(rounds);
    }

    public RoundResult last() {
        return rounds.get(rounds.size() - 1);
    }

    /**
     * The area under accuracy-versus-labels, divided by the label range: the mean accuracy over the
     * budget, by the trapezoidal rule. A single round gives its accuracy.
     */
    public double normalisedArea() {
        if (rounds.size() == 1) {
            return rounds.get(0).accuracy();
        }
        double area = 0;
        for (int i = 1; i < rounds.size(); i++) {
            RoundResult a = rounds.get(i - 1);
            RoundResult b = rounds.get(i);
            area += (b.labels() - a.labels()) * (a.accuracy() + b.accuracy()) / 2;
        }
        return area / (last().labels() - rounds.get(0).labels());
    }

    public String toCsv() {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (RoundResult r : rounds) {
            csv.append(String.format(Locale.ROOT, "%d,%d,%.6f,%.6f,%d,%d\n",
                    r.round(), r.labels(), r.accuracy(), r.macroF1(), r.trainMillis(), r.scoreMillis()));
        }
        return csv.toString();
    }

    /** Writes the CSV through a temporary file, so that a crash never leaves half a file. */
    public void writeCsv(Path file) {
        try {
            Path absolute = file.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Path temporary = Files.createTempFile(absolute.getParent(), ".curve", ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                writer.write(toCsv());
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the learning curve to " + file, e);
        }
    }
}
