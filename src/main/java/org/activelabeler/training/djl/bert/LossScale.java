package org.activelabeler.training.djl.bert;

/**
 * Dynamic loss scaling for FP16 training: the loss is multiplied before the backward pass so that
 * small gradients survive in half precision; a step whose gradients overflow is skipped and the
 * factor halved, and after a run of good steps the factor doubles again.
 */
final class LossScale {
    private static final int GROWTH_INTERVAL = 200;
    private final boolean dynamic;
    private float factor;
    private int goodSteps;

    private LossScale(boolean dynamic, float factor) {
        this.dynamic = dynamic;
        this.factor = factor;
    }

    static LossScale none() {
        return new LossScale(false, 1f);
    }

    static LossScale dynamic() {
        return new LossScale(true, 1 << 14);
    }

    float factor() {
        return factor;
    }

    /** Whether a step with this (unscaled) gradient norm may be applied; adjusts the factor. */
    boolean accept(double gradientNorm) {
        if (Double.isFinite(gradientNorm)) {
            if (dynamic && ++goodSteps % GROWTH_INTERVAL == 0) {
                factor *= 2;
            }
            return true;
        }
        if (!dynamic) {
            throw new IllegalStateException("The gradient is not finite; lower the learning rate");
        }
        factor = Math.max(1f, factor / 2);
        goodSteps = 0;
        return false;
    }
}
