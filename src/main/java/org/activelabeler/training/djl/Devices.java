package org.activelabeler.training.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Picks where DJL computes: the first GPU when the PyTorch engine sees one, the CPU otherwise. */
public final class Devices {
    private Devices() {
    }

    public static Device preferred(Engine engine) {
        return engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }
}
