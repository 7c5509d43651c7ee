package org.activelabeler.training.djl.bert;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DJL encoder, filled with the bundled all-MiniLM-L6-v2 weights, against ONNX Runtime running
 * the original ONNX file: same token ids in, the same mean-pooled sentence embeddings out.
 */
class BertNetworkReferenceTest {
    private static final List<String> TEXTS = List.of(
            "A quietly devastating film.<br /><br />The acting is superb.",
            "Worst two hours of my life, and the popcorn was stale too.",
            "ok");

    private static NDManager manager;
    private static BertNetwork network;
    private static long[][] ids;

    @BeforeAll
    static void loadEncoder() {
        manager = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice(), "PyTorch");
        PretrainedEncoder encoder = PretrainedEncoder.bundled();
        network = BertNetwork.create(encoder.config(), 2, encoder.load(manager).tensors(), manager, DataType.FLOAT32, 1);
        try (EncoderTokens tokens = new EncoderTokens(encoder.tokenizer(), 128)) {
            ids = tokens.encode(TEXTS);
        }
    }

    @AfterAll
    static void close() {
        network.close();
        manager.close();
    }

    @Test
    void meanPooledEmbeddingsMatchOnnxRuntime() throws Exception {
        List<float[]> reference = OnnxRuntimeReference.run(ids);
        assertThat(reference).hasSize(ids.length);
        for (int i = 0; i < ids.length; i++) {
            float[] ours = djlEmbedding(ids[i]);
            assertThat(ours).hasSize(384);
            assertThat(maxAbsDifference(ours, reference.get(i))).isLessThan(1e-4f);
        }
    }

    @Test
    void fp16MatrixProductsStayCloseToFp32() {
        try (BertNetwork mixed = BertNetwork.create(network.config(), 2, PretrainedEncoder.bundled().load(manager).tensors(),
                manager, DataType.FLOAT16, 1)) {
            float[] full = djlEmbedding(ids[0]);
            float[] half;
            try (NDManager scope = manager.newSubManager()) {
                NDArray input = scope.create(ids[0], new Shape(1, ids[0].length));
                half = mixed.embed(input, input.onesLike()).toFloatArray();
            }
            assertThat(cosine(full, half)).isGreaterThan(0.99);
            assertThat(maxAbsDifference(full, half)).isGreaterThan(0f);
        }
    }

    @Test
    void weightsAreNamedAndTransposedFromTheGraph() {
        Map<String, NDArray> parameters = network.parameters();
        assertThat(parameters).containsKeys("encoder.layer.5.attention.self.query.weight",
                "encoder.layer.0.intermediate.dense.weight", "classifier.weight");
        assertThat(parameters.get("encoder.layer.0.intermediate.dense.weight").getShape()).isEqualTo(new Shape(1536, 384));
        assertThat(parameters.get("encoder.layer.0.output.dense.weight").getShape()).isEqualTo(new Shape(384, 1536));
    }

    private static float[] djlEmbedding(long[] row) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray input = scope.create(row, new Shape(1, row.length));
            return network.embed(input, input.onesLike()).toFloatArray();
        }
    }

    private static float maxAbsDifference(float[] a, float[] b) {
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
