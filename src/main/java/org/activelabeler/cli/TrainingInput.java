package org.activelabeler.cli;

import java.util.Map;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.tracking.LabelSnapshot;
import org.activelabeler.features.FeatureMatrix;
import org.activelabeler.features.FeaturePipeline;
import org.activelabeler.features.FeatureSettings;

/**
 * What a model is fitted on: the feature pipeline (fitted on the dataset's text, no labels), the
 * labeled rows and their classes, and the labels as a snapshot for provenance.
 *
 * @param labelSource {@value #ANNOTATORS} or {@value #GOLD}
 */
record TrainingInput(Corpus dataset, FeaturePipeline pipeline, FeatureMatrix features, LabelSnapshot snapshot,
                     String labelSource) {
    static final String ANNOTATORS = "annotators";
    static final String GOLD = "gold";

    static String checkLabelSource(String value) {
        if (!ANNOTATORS.equals(value) && !GOLD.equals(value)) {
            throw new IllegalArgumentException("--labels is '" + value + "'; use '" + ANNOTATORS
                    + "' (the labels given in the app) or '" + GOLD + "' (the file's own sentiment column)");
        }
        return value;
    }

    /**
     * Every label of a dataset: the annotators' current labels, or the file's own (gold) labels.
     *
     * @param current the annotators' label of each review id (ignored for gold)
     */
    static TrainingInput of(Corpus corpus, String labelSource, Map<Long, Integer> current) {
        int[] rows = new int[corpus.size()];
        int[] classes = new int[corpus.size()];
        int count = 0;
        for (int i = 0; i < corpus.size(); i++) {
            int label = GOLD.equals(labelSource) ? corpus.gold()[i]
                    : current.getOrDefault(corpus.reviewIds()[i], -1);
            if (label >= 0) {
                rows[count] = i;
                classes[count++] = label;
            }
        }
        LabelSnapshot snapshot = new LabelSnapshot("row", java.util.Arrays.copyOf(rows, count),
                java.util.Arrays.copyOf(classes, count), corpus.dataset().labels());
        requireTwoClasses(corpus, snapshot, labelSource);
        return fromSnapshot(corpus, snapshot, labelSource);
    }

    /** The labels of a snapshot whose rows are rows of {@code corpus}. */
    static TrainingInput fromSnapshot(Corpus corpus, LabelSnapshot snapshot, String labelSource) {
        FeaturePipeline.Fitted fitted = FeaturePipeline.fit(corpus.tokenIds(), FeatureSettings.DEFAULT);
        return new TrainingInput(corpus, fitted.pipeline(), fitted.rows().select(snapshot.rows()), snapshot,
                labelSource);
    }

    private static void requireTwoClasses(Corpus corpus, LabelSnapshot snapshot, String labelSource) {
        long present = java.util.Arrays.stream(snapshot.classes()).distinct().count();
        if (present < 2) {
            String which = GOLD.equals(labelSource) ? "gold labels (the file's label column)"
                    : "labels given by people";
            throw new IllegalArgumentException("Dataset '" + corpus.dataset().name() + "' has " + snapshot.rows().length
                    + " " + which + (present == 1 ? ", all of one class" : "") + "; training needs labels of at least"
                    + " two classes" + (GOLD.equals(labelSource) ? "" : "; label more texts in the app, or use"
                    + " --labels gold for the file's own labels"));
        }
    }
}
