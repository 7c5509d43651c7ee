package org.activelabeler.training.djl.bert;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.AdamW;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * DJL's AdamW, with its moments freed on {@link #close}. DJL detaches an optimizer's state from every
 * manager and leaves it to the garbage collector, which never frees a PyTorch tensor: each fit left its
 * two moments (twice the encoder's weights, 180 MB for MiniLM) in native memory for good.
 */
final class ClosingAdamW extends AdamW implements AutoCloseable {
    private final Set<NDArray> state = Collections.newSetFromMap(new IdentityHashMap<>());

    ClosingAdamW(AdamW.Builder builder) {
        super(builder);
    }

    @Override
    protected NDArray withDefaultState(Map<String, Map<Device, NDArray>> moments, String key, Device device,
                                       Function<String, NDArray> initial) {
        NDArray array = super.withDefaultState(moments, key, device, initial);
        state.add(array);
        return array;
    }

    /** The moments held now, for tests. */
    List<NDArray> moments() {
        return List.copyOf(state);
    }

    @Override
    public void close() {
        state.forEach(NDArray::close);
        state.clear();
    }
}
