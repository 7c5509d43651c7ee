package org.activelabeler.ui.labeling;

import java.util.Locale;
import org.activelabeler.labeling.QueueEntry;
import org.activelabeler.twospeed.QueueOwner;

/** How the model sees a review: p(positive), entropy, and why it is asked now. */
public record ModelView(double positiveProbability, double entropy, String reason) {
    public static final ModelView NONE = new ModelView(Double.NaN, Double.NaN,
            "No model yet: reviews come in a fixed random order until the first retrain.");

    /** Binary entropy in nats; 0 when certain, ln 2 (0.693) when p = 0.5. */
    public static double entropy(double p) {
        if (Double.isNaN(p)) {
            return Double.NaN;
        }
        double h = 0;
        if (p > 0) {
            h -= p * Math.log(p);
        }
        if (p < 1) {
            h -= (1 - p) * Math.log(1 - p);
        }
        return h;
    }

    static ModelView queued(QueueEntry entry, int queueLength, int round) {
        return new ModelView(entry.positiveProbability(), entropy(entry.positiveProbability()),
                String.format(Locale.ROOT, "Chosen by %s: rank %d of %d in round %d (score %.3f).", entry.strategy(),
                        entry.rank(), queueLength, round, entry.score()));
    }

    /**
     * @param owner the transformer, or its ensemble with the fast model
     * @param fastPositive the fast model's p(positive): the transformer's ranking does not keep its own
     */
    static ModelView chosenByTransformer(QueueOwner owner, QueueEntry entry, int queueLength, int transformerRound,
                                         double fastPositive) {
        String why = String.format(Locale.ROOT, "Chosen by the %s (%s): rank %d of %d in transformer round %d"
                + " (score %.3f).", owner.label(), entry.strategy(), entry.rank(), queueLength, transformerRound,
                entry.score());
        if (!Double.isNaN(fastPositive)) {
            why += " p(positive) is the fast model's.";
        }
        return new ModelView(fastPositive, entropy(fastPositive), why);
    }

    /** @param fastPositive the fast model's p(positive), NaN before its first round */
    static ModelView drawnAtRandom(double fastPositive) {
        return new ModelView(fastPositive, entropy(fastPositive), "Drawn at random (audit: keeps the model"
                + " comparison honest). The models are judged on such labels, not on those their rankings chose.");
    }

    static ModelView scored(double p, int round, boolean skipped) {
        String why = skipped ? "Skipped earlier; asked again now that the rest is done."
                : "Not in the queue of round " + round + "; asked in the fixed random order.";
        return new ModelView(p, entropy(p), why);
    }

    static ModelView unscored(boolean skipped) {
        return skipped ? new ModelView(Double.NaN, Double.NaN, "Skipped earlier; asked again now that the rest is done.")
                : NONE;
    }

    public String positiveText() {
        return Double.isNaN(positiveProbability) ? "–" : String.format(Locale.ROOT, "%.2f", positiveProbability);
    }

    public String entropyText() {
        return Double.isNaN(entropy) ? "–" : String.format(Locale.ROOT, "%.3f nats", entropy);
    }
}
