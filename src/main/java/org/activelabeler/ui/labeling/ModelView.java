package org.activelabeler.ui.labeling;

import java.util.Locale;
import org.activelabeler.dataset.LabelSet;
import org.activelabeler.labeling.QueueEntry;
import org.activelabeler.strategy.BaldSampling;
import org.activelabeler.twospeed.QueueOwner;

/**
 * How the model sees a text: its probability for each class (null before a model scored it), the
 * entropy of that distribution, and why the text is asked now.
 */
public record ModelView(LabelSet labels, float[] probabilities, double entropy, String reason) {
    static final String NO_MODEL = "No model yet: texts come in a fixed random order until the first retrain.";

    public static ModelView none(LabelSet labels) {
        return new ModelView(labels, null, Double.NaN, NO_MODEL);
    }

    private static ModelView of(LabelSet labels, float[] probabilities, String reason) {
        return new ModelView(labels, probabilities, probabilities == null ? Double.NaN : entropy(probabilities), reason);
    }

    static double entropy(float[] probabilities) {
        double[] p = new double[probabilities.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = probabilities[i];
        }
        return BaldSampling.entropy(p);
    }

    static ModelView queued(LabelSet labels, QueueEntry entry, int queueLength, int round, float[] probabilities) {
        return of(labels, probabilities, String.format(Locale.ROOT, "Chosen by %s: rank %d of %d in round %d (score"
                + " %.3f).", entry.strategy(), entry.rank(), queueLength, round, entry.score()));
    }

    /**
     * @param owner the transformer, or its ensemble with the fast model
     * @param fast the fast model's probabilities: the transformer's ranking does not keep its own
     */
    static ModelView chosenByTransformer(LabelSet labels, QueueOwner owner, QueueEntry entry, int queueLength,
                                         int transformerRound, float[] fast) {
        String why = String.format(Locale.ROOT, "Chosen by the %s (%s): rank %d of %d in transformer round %d"
                + " (score %.3f).", owner.label(), entry.strategy(), entry.rank(), queueLength, transformerRound,
                entry.score());
        return of(labels, fast, fast == null ? why : why + " The probabilities are the fast model's.");
    }

    /** @param fast the fast model's probabilities, null before its first round */
    static ModelView drawnAtRandom(LabelSet labels, float[] fast) {
        return of(labels, fast, "Drawn at random for the audit: the model is judged on such labels, not on those"
                + " its ranking chose, for an honest estimate of its accuracy (audit.share in desktop.properties).");
    }

    static ModelView scored(LabelSet labels, float[] probabilities, int round, boolean skipped) {
        return of(labels, probabilities, skipped ? "Skipped earlier; asked again now that the rest is done."
                : "Not in the queue of round " + round + "; asked in the fixed random order.");
    }

    static ModelView unscored(LabelSet labels, boolean skipped) {
        return skipped ? new ModelView(labels, null, Double.NaN, "Skipped earlier; asked again now that the rest is done.")
                : none(labels);
    }

    /** The most probable class, or -1 before a model scored the text. */
    public int top() {
        if (probabilities == null) {
            return -1;
        }
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] >= probabilities[best]) {
                best = c;
            }
        }
        return best;
    }

    /** "positive 0.82", or a dash before a model scored the text. */
    public String topText() {
        int top = top();
        return top < 0 ? "–" : String.format(Locale.ROOT, "%s %.2f", labels.name(top), probabilities[top]);
    }

    public double probability(int klass) {
        return probabilities == null ? Double.NaN : probabilities[klass];
    }

    public String entropyText() {
        return Double.isNaN(entropy) ? "–" : String.format(Locale.ROOT, "%.3f nats", entropy);
    }
}
