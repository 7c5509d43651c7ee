package org.activelabeler.training.djl.bert;

import java.util.LinkedHashMap;
import java.util.Map;

/** Maps the weight names of the usual BERT checkpoints onto the names {@link BertNetwork} uses. */
final class CheckpointNames {
    private CheckpointNames() {
    }

    static Map<String, WeightTensor> normalise(Map<String, WeightTensor> tensors) {
        Map<String, WeightTensor> named = new LinkedHashMap<>();
        tensors.forEach((name, tensor) -> named.put(normalise(name), tensor));
        return named;
    }

    /** {@code bert.encoder.layer.0.output.LayerNorm.gamma} becomes {@code encoder.layer.0.output.LayerNorm.weight}. */
    static String normalise(String name) {
        String n = name.startsWith("bert.") ? name.substring("bert.".length()) : name;
        if (n.endsWith(".gamma")) {
            n = n.substring(0, n.length() - ".gamma".length()) + ".weight";
        } else if (n.endsWith(".beta")) {
            n = n.substring(0, n.length() - ".beta".length()) + ".bias";
        }
        return n;
    }
}
