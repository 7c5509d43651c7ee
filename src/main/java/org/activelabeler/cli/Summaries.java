package org.activelabeler.cli;

import org.activelabeler.simulation.TransformerRoundResult;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.nio.file.Path;
import java.util.Locale;
import org.activelabeler.dataset.DatasetInfo;
import org.activelabeler.dataset.ImportResult;

/** One-line reports the commands print. */
final class Summaries {
    private Summaries() {
    }

    static String of(ImportResult result, Path folder) {
        DatasetInfo d = result.dataset();
        if (result.alreadyImported()) {
            return String.format(Locale.ROOT, "%s was already imported as dataset %d '%s' (%d reviews); nothing changed.",
                    d.sourcePath(), d.id(), d.name(), d.reviewCount());
        }
        return String.format(Locale.ROOT, "Imported %d records as dataset %d '%s': %d distinct reviews%s, %s, in %.1f s"
                        + " (%s)%s.",
                d.rowCount(), d.id(), d.name(), d.reviewCount(),
                result.duplicateRecords() > 0 ? " (" + result.duplicateRecords() + " repeated texts merged)" : "",
                d.labeled() ? "with gold labels" : "unlabeled", result.millis() / 1000.0, folder,
                result.conflictingLabels() > 0 ? "; " + result.conflictingLabels()
                        + " repeated texts had disagreeing labels, the first was kept" : "");
    }

    static String of(DatasetInfo d) {
        return String.format(Locale.ROOT, "%4d  %-28s %7d reviews  %-9s  %s  %s", d.id(), d.name(), d.reviewCount(),
                d.labeled() ? "labeled" : "unlabeled", d.importedAt(), d.sourcePath());
    }

    /** {@code 12 negative, 9 positive}: how many labels of each class a snapshot has. */
    static String classCounts(org.activelabeler.tracking.LabelSnapshot snapshot) {
        StringBuilder counts = new StringBuilder();
        for (int c = 0; c < snapshot.labels().size(); c++) {
            if (c > 0) {
                counts.append(", ");
            }
            counts.append(snapshot.count(c)).append(' ').append(snapshot.labels().name(c));
        }
        return counts.toString();
    }

    static String transformerRound(TransformerRoundResult r) {
        return String.format(Locale.ROOT, "transformer at %d labels: holdout %.4f (fast model %.4f, both %.4f on the"
                        + " same %d); validation: %s -> %s serves; train %.1f s, rank %d candidates %.1f s,"
                        + " evaluate %.1f s, elapsed %.1f s",
                r.labels(), r.holdoutAccuracy(), r.fastHoldoutAccuracy(), r.ensembleHoldoutAccuracy(), r.holdoutSize(),
                r.handover().summary(),
                r.handover().owner().label(), r.trainMillis() / 1000.0, r.candidates(), r.scoreMillis() / 1000.0,
                r.evaluateMillis() / 1000.0, r.elapsedMillis() / 1000.0);
    }

    static void writeTransformerCsv(Path file, List<TransformerRoundResult> rounds) {
        StringBuilder csv = new StringBuilder("round,labels,holdout_accuracy,fast_holdout_accuracy_same_reviews,"
                + "holdout_reviews,validation_accuracy_transformer,validation_accuracy_fast,validation_labels,"
                + "serves_queue,train_ms,score_ms,evaluate_ms,elapsed_ms,ensemble_holdout_accuracy,"
                + "validation_accuracy_ensemble\n");
        for (TransformerRoundResult r : rounds) {
            csv.append(String.format(Locale.ROOT, "%d,%d,%.6f,%.6f,%d,%.6f,%.6f,%d,%s,%d,%d,%d,%d,%.6f,%.6f%n",
                    r.round(), r.labels(),
                    r.holdoutAccuracy(), r.fastHoldoutAccuracy(), r.holdoutSize(), r.handover().transformerAccuracy(),
                    r.handover().fastAccuracy(), r.handover().validationLabels(),
                    r.handover().owner().name().toLowerCase(Locale.ROOT), r.trainMillis(), r.scoreMillis(),
                    r.evaluateMillis(), r.elapsedMillis(), r.ensembleHoldoutAccuracy(), r.handover().ensembleAccuracy()));
        }
        try {
            Files.writeString(file, csv.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
