package org.activelabeler.round;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.model.Classifier;
import org.activelabeler.model.Predictions;
import org.activelabeler.progress.Progress;

/**
 * The predictions of the model the current labels give: a {@link FastRound} on every current label
 * (topped up with the file's labels while the loop's cover fewer than two classes), for exports that
 * carry predictions.
 */
public final class CurrentModel {
    private CurrentModel() {
    }

    /**
     * @param labels the current label of each review id
     * @throws IllegalStateException when fewer than two classes have labels
     */
    public static Predictions predictions(Corpus corpus, Map<Long, Integer> labels, String tokenizerName,
                                          ClassifierFactory factory, Progress progress) {
        Map<Long, Integer> training = new HashMap<>(labels);
        if (training.values().stream().distinct().count() < 2) {
            for (int i = 0; i < corpus.size(); i++) {
                if (corpus.gold()[i] >= 0) {
                    training.putIfAbsent(corpus.reviewIds()[i], corpus.gold()[i]);
                }
            }
        }
        if (training.values().stream().distinct().count() < 2) {
            throw new IllegalStateException("Dataset '" + corpus.dataset().name() + "' has labels of fewer than two"
                    + " classes, so there is no model to predict with; label more texts, or export without"
                    + " --with-predictions");
        }
        PreparedFeatures features = PreparedFeatures.fit(corpus, tokenizerName, progress);
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            if (training.containsKey(corpus.reviewIds()[i])) {
                rows.add(i);
            }
        }
        int[] labeled = rows.stream().mapToInt(Integer::intValue).toArray();
        int[] classes = rows.stream().mapToInt(row -> training.get(corpus.reviewIds()[row])).toArray();
        try (Classifier classifier = factory.create(features.parameters())) {
            return new FastRound(classifier, "entropy").run(new FastRound.Input(features.rows(), labeled, classes,
                    corpus.dataset().labels().size(), new int[0], 0, true), FastRound.Judge.NONE,
                    new SplittableRandom(13), progress).pool();
        }
    }
}
