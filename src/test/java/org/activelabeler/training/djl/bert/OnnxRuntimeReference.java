package org.activelabeler.training.djl.bert;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Mean-pooled embeddings of the bundled all-MiniLM-L6-v2 ONNX file, computed by ONNX Runtime.
 * It runs in a JVM of its own, so that ONNX Runtime's native libraries never share a process
 * with libtorch's. (ONNX Runtime 1.29 crashed at start on the build machine; 1.20 runs.)
 * Arguments: token id rows, each as comma-separated ids; prints one line of floats per row.
 */
public final class OnnxRuntimeReference {
    private OnnxRuntimeReference() {
    }

    public static void main(String[] rows) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(bundledModel(), new OrtSession.SessionOptions())) {
            for (String row : rows) {
                long[] ids = Arrays.stream(row.split(",")).mapToLong(Long::parseLong).toArray();
                float[] pooled = embed(env, session, ids);
                List<String> values = new ArrayList<>();
                for (float v : pooled) {
                    values.add(Float.toString(v));
                }
                System.out.println(String.join(" ", values));
            }
        }
    }

    static List<float[]> run(long[][] rows) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.java(), "-cp", System.getProperty("java.class.path"),
                OnnxRuntimeReference.class.getName()));
        for (long[] row : rows) {
            command.add(Arrays.stream(row).mapToObj(Long::toString).collect(Collectors.joining(",")));
        }
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("ONNX Runtime reference process failed with " + process.exitValue());
        }
        List<float[]> embeddings = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            String[] parts = line.trim().split(" ");
            float[] v = new float[parts.length];
            for (int i = 0; i < parts.length; i++) {
                v[i] = Float.parseFloat(parts[i]);
            }
            embeddings.add(v);
        }
        return embeddings;
    }

    private static float[] embed(OrtEnvironment env, OrtSession session, long[] ids) throws Exception {
        long[] shape = {1, ids.length};
        long[] mask = new long[ids.length];
        Arrays.fill(mask, 1);
        try (OnnxTensor inputIds = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
             OnnxTensor attention = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
             OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape);
             OrtSession.Result result = session.run(Map.of("input_ids", inputIds, "attention_mask", attention,
                     "token_type_ids", types))) {
            float[][][] hidden = (float[][][]) result.get(0).getValue();
            float[] pooled = new float[hidden[0][0].length];
            for (float[] token : hidden[0]) {
                for (int d = 0; d < pooled.length; d++) {
                    pooled[d] += token[d] / ids.length;
                }
            }
            return pooled;
        }
    }

    private static byte[] bundledModel() throws IOException {
        try (InputStream in = PretrainedEncoder.class.getResourceAsStream(PretrainedEncoder.BUNDLED_ONNX)) {
            return in.readAllBytes();
        }
    }

    private static final class Path {
        static String java() {
            return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
    }
}
