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
import org.activelabeler.dataset.LabelSet;

/** The rounds of one experiment, in order. */
public final class LearningCurve {
    public static final String CSV_HEADER = "round,labels,accuracy,macro_f1,train_ms,score_ms";
    private final List<RoundResult> rounds = new ArrayList<>();
    private final List<String> featureSpaces = new ArrayList<>();
    private long choiceMillis;

    public void add(RoundResult round) {
        rounds.add(round);
    }

    /** The feature space the next round fits on (see {@link org.activelabeler.round.FeatureChoice}). */
    public void recordFeatureSpace(String name) {
        featureSpaces.add(name);
    }

    public void recordChoiceMillis(long millis) {
        choiceMillis = millis;
    }

    /** The time the choice of feature space took, cross-validation included. */
    public long choiceMillis() {
        return choiceMillis;
    }

    /** The feature space of each round, in order; empty names where there was no choice. */
    public List<String> featureSpaces() {
        return List.copyOf(featureSpaces);
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

    /** One row per round and class: {@code round,labels,class,precision,recall,f1,support} on the holdout. */
    public String toPerClassCsv(LabelSet labels) {
        StringBuilder csv = new StringBuilder("round,labels,class,precision,recall,f1,support\n");
        for (RoundResult r : rounds) {
            if (r.metrics() == null) {
                continue;
            }
            for (int c = 0; c < r.metrics().classes(); c++) {
                String name = labels.name(c);
                String cell = name.contains(",") || name.contains("\"") ? "\"" + name.replace("\"", "\"\"") + "\"" : name;
                csv.append(String.format(Locale.ROOT, "%d,%d,%s,%.6f,%.6f,%.6f,%d\n", r.round(), r.labels(), cell,
                        r.metrics().precision()[c], r.metrics().recall()[c], r.metrics().f1()[c],
                        r.metrics().support()[c]));
            }
        }
        return csv.toString();
    }

    /** Writes the CSV through a temporary file, so that a crash never leaves half a file. */
    public void writeCsv(Path file) {
        write(file, toCsv());
    }

    /** Writes {@link #toPerClassCsv} to {@code file}, through a temporary file. */
    public void writePerClassCsv(Path file, LabelSet labels) {
        write(file, toPerClassCsv(labels));
    }

    /** One row per round: the stopping signal (kappa, stable, the audit estimate); empty cells where none. */
    public String toStoppingCsv() {
        StringBuilder csv = new StringBuilder("round,labels,kappa,stable,audit_accuracy,audit_ci_low,audit_ci_high,"
                + "audit_labels\n");
        for (RoundResult r : rounds()) {
            var p = r.stopping().predictions();
            var a = r.stopping().audit();
            csv.append(r.round()).append(',').append(r.labels()).append(',').append(cell(p.kappa())).append(',')
                    .append(Double.isNaN(p.kappa()) ? "" : p.stable() ? "1" : "0").append(',')
                    .append(cell(a.accuracy())).append(',').append(cell(a.low())).append(',').append(cell(a.high()))
                    .append(',').append(a.labels()).append('\n');
        }
        return csv.toString();
    }

    /** Writes {@link #toStoppingCsv} to {@code file}, through a temporary file. */
    public void writeStoppingCsv(Path file) {
        write(file, toStoppingCsv());
    }

    /** The first round whose predictions were stable, if any. */
    public java.util.Optional<RoundResult> firstStable() {
        return rounds().stream().filter(r -> r.stopping().predictions().stable()).findFirst();
    }

    private static String cell(double value) {
        return Double.isNaN(value) ? "" : String.format(java.util.Locale.ROOT, "%.6f", value);
    }

    private static void write(Path file, String text) {
        try {
            Path absolute = file.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Path temporary = Files.createTempFile(absolute.getParent(), ".curve", ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                writer.write(text);
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the learning curve to " + file, e);
        }
    }
}
