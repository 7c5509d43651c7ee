package org.activelabeler.training.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Activation;
import java.util.ArrayList;
import java.util.List;
import org.activelabeler.features.FeatureMatrix;

/**
 * Labeled rows on the device, cut into length buckets so that padding stays small. The loss is the
 * class-weighted mean binary cross-entropy over all of them.
 */
final class Batch implements AutoCloseable {
    private static final long BUCKET_ENTRIES = 1 << 18;

    private final List<Part> parts;
    private final double weightTotal;

    private Batch(List<Part> parts, double weightTotal) {
        this.parts = parts;
        this.weightTotal = weightTotal;
    }

    static Batch of(NDManager manager, FeatureMatrix matrix, int[] rows, int[] labels, float[] classWeights,
                    CompactColumns compact) {
        List<Part> parts = new ArrayList<>();
        double total = 0;
        for (int[] bucket : PaddedRows.lengthBuckets(matrix, rows, BUCKET_ENTRIES)) {
            float[] targets = new float[bucket.length];
            float[] weights = new float[bucket.length];
            for (int i = 0; i < bucket.length; i++) {
                targets[i] = labels[bucket[i]];
                weights[i] = classWeights[labels[bucket[i]]];
                total += weights[i];
            }
            PaddedRows padded = PaddedRows.of(manager, matrix, bucket, compact::compact);
            parts.add(new Part(padded, manager.create(targets), manager.create(weights)));
        }
        return new Batch(parts, total);
    }

    double weightTotal() {
        return weightTotal;
    }

    /** The weighted mean of {@code softplus(z) - y z}, the logistic loss written stably. */
    NDArray loss(NDArray weights, NDArray bias) {
        NDArray sum = null;
        for (Part part : parts) {
            NDArray logits = part.rows().logits(weights, bias);
            NDArray perRow = Activation.softPlus(logits).sub(logits.mul(part.targets())).mul(part.weights()).sum();
            sum = sum == null ? perRow : sum.add(perRow);
        }
        return sum.div((float) weightTotal);
    }

    /** Loss and accuracy, without recording gradients. */
    double[] evaluate(NDArray weights, NDArray bias) {
        try (NDScope ignored = new NDScope()) {
            double loss = loss(weights, bias).getFloat();
            long correct = 0;
            long count = 0;
            for (Part part : parts) {
                NDArray predicted = part.rows().logits(weights, bias).gt(0);
                correct += predicted.eq(part.targets().gt(0.5)).sum().getLong();
                count += part.targets().size();
            }
            return new double[] {loss, (double) correct / count};
        }
    }

    @Override
    public void close() {
        for (Part part : parts) {
            part.rows().close();
            part.targets().close();
            part.weights().close();
        }
    }

    private record Part(PaddedRows rows, NDArray targets, NDArray weights) {
    }
}
