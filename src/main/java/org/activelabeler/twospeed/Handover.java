package org.activelabeler.twospeed;

import java.util.Locale;

/**
 * The judgement at a transformer round: the fast model and the transformer trained on the same
 * labels, both scored on the same held-out labels, and so is their ensemble (the mean of their
 * p(positive)). The queue goes to whichever is strictly better than the fast model, the transformer
 * before the ensemble on a tie between them; it returns to the fast model at the first round where
 * neither is better.
 *
 * @param validationLabels how many labels all three were judged on
 */
public record Handover(QueueOwner owner, double fastAccuracy, double transformerAccuracy, double ensembleAccuracy,
                       int validationLabels) {

    public static Handover judge(double fastAccuracy, double transformerAccuracy, double ensembleAccuracy,
                                 int validationLabels) {
        QueueOwner owner = QueueOwner.FAST;
        double best = fastAccuracy;
        if (transformerAccuracy > best) {
            owner = QueueOwner.TRANSFORMER;
            best = transformerAccuracy;
        }
        if (ensembleAccuracy > best) {
            owner = QueueOwner.ENSEMBLE;
        }
        return new Handover(owner, fastAccuracy, transformerAccuracy, ensembleAccuracy, validationLabels);
    }

    /** For a status line: "transformer 84.0%, both 85.0%, fast model 82.0% on 50 held-out labels". */
    public String summary() {
        return String.format(Locale.ROOT, "transformer %.1f%%, both %.1f%%, fast model %.1f%% on %d held-out labels",
                100 * transformerAccuracy, 100 * ensembleAccuracy, 100 * fastAccuracy, validationLabels);
    }
}
