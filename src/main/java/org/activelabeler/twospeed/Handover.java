package org.activelabeler.twospeed;

import java.util.Locale;

/**
 * The judgement at a transformer round: both models trained on the same labels, both scored on the
 * same held-out labels. The transformer takes the queue only with a strictly better accuracy there,
 * and gives it back at the first round where it is not better.
 *
 * @param validationLabels how many labels both were judged on
 */
public record Handover(QueueOwner owner, double fastAccuracy, double transformerAccuracy, int validationLabels) {

    public static Handover judge(double fastAccuracy, double transformerAccuracy, int validationLabels) {
        QueueOwner owner = transformerAccuracy > fastAccuracy ? QueueOwner.TRANSFORMER : QueueOwner.FAST;
        return new Handover(owner, fastAccuracy, transformerAccuracy, validationLabels);
    }

    /** For a status line: "transformer 84.0% vs fast model 82.0% on 50 held-out labels". */
    public String summary() {
        return String.format(Locale.ROOT, "transformer %.1f%% vs fast model %.1f%% on %d held-out labels",
                100 * transformerAccuracy, 100 * fastAccuracy, validationLabels);
    }
}
