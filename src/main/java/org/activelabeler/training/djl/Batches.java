package org.activelabeler.training.djl;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.activelabeler.features.FeatureMatrix;
import org.activelabeler.model.ClassifierSettings;

/**
 * The gradient steps of an epoch. Up to {@code batchSize} labels make one full batch that is laid
 * out once; above that, each epoch shuffles the labels (seeded) into mini-batches.
 */
final class Batches implements AutoCloseable {
    private final NDManager manager;
    private final int[] train;
    private final ClassifierSettings settings;
    private final FeatureMatrix rows;
    private final int[] labels;
    private final float[] classWeights;
    private final CompactColumns compact;
    private List<Batch> current = List.of();

    Batches(NDManager manager, int[] train, ClassifierSettings settings, FeatureMatrix rows, int[] labels,
            float[] classWeights, CompactColumns compact) {
        this.manager = manager;
        this.train = train;
        this.settings = settings;
        this.rows = rows;
        this.labels = labels;
        this.classWeights = classWeights;
        this.compact = compact;
    }

    List<Batch> forEpoch(int epoch) {
        boolean fullBatch = train.length <= settings.batchSize();
        if (fullBatch && !current.isEmpty()) {
            return current;
        }
        close();
        int[] order = train.clone();
        if (!fullBatch) {
            shuffle(order, new Random(settings.seed() * 31 + epoch));
        }
        List<Batch> batches = new ArrayList<>();
        for (int from = 0; from < order.length; from += settings.batchSize()) {
            int[] members = Arrays.copyOfRange(order, from, Math.min(order.length, from + settings.batchSize()));
            batches.add(Batch.of(manager, rows, members, labels, classWeights, compact));
        }
        current = batches;
        return current;
    }

    private static void shuffle(int[] values, Random random) {
        List<Integer> list = new ArrayList<>(values.length);
        for (int v : values) {
            list.add(v);
        }
        Collections.shuffle(list, random);
        for (int i = 0; i < values.length; i++) {
            values[i] = list.get(i);
        }
    }

    @Override
    public void close() {
        current.forEach(Batch::close);
        current = List.of();
    }
}
