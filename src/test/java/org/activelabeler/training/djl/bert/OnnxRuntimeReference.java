package org.activelabeler.training.djl.bert;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sentence embeddings of a bundled ONNX encoder, computed by ONNX Runtime, one unpadded text at a time.
 * It runs in a JVM of its own, so that ONNX Runtime's native libraries never share a process
 * with libtorch's. (ONNX Runtime 1.29 crashed at start on the build machine; 1.20 runs.)
 * Arguments: the model's class-path resource and the pooling ({@link SentencePooling#describe()});
 * reads token id rows from standard input, one line of comma-separated ids each, and prints one line
 * of floats per row.
 */
public final class OnnxRuntimeReference {
    private OnnxRuntimeReference() {
    }

    public static void main(String[] args) throws Exception {
        byte[] model = resource(args[0]);
        String pooling = args[1];
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        BufferedReader rows = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions())) {
            for (String row = rows.readLine(); row != null && !row.isBlank(); row = rows.readLine()) {
                long[] ids = Arrays.stream(row.split(",")).mapToLong(Long::parseLong).toArray();
                float[] pooled = embed(env, session, ids, pooling);
                List<String> values = new ArrayList<>();
                for (float v : pooled) {
                    values.add(Float.toString(v));
                }
                System.out.println(String.join(" ", values));
            }
        }
    }

    /** Mean-pooled embeddings of the bundled all-MiniLM-L6-v2. */
    static List<float[]> run(long[][] rows) throws IOException, InterruptedException {
        return run(PretrainedEncoder.BUNDLED_ONNX, SentencePooling.MEAN, rows);
    }

    static List<float[]> run(String modelResource, SentencePooling pooling, long[][] rows)
            throws IOException, InterruptedException {
        List<String> command = List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                OnnxRuntimeReference.class.getName(), modelResource, pooling.describe());
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream in = process.getOutputStream()) {
            for (long[] row : rows) {
                in.write((Arrays.stream(row).mapToObj(Long::toString).collect(Collectors.joining(",")) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
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

    private static float[] embed(OrtEnvironment env, OrtSession session, long[] ids, String pooling) throws Exception {
        long[] shape = {1, ids.length};
        long[] mask = new long[ids.length];
        Arrays.fill(mask, 1);
        try (OnnxTensor inputIds = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
             OnnxTensor attention = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
             OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape);
             OrtSession.Result result = session.run(Map.of("input_ids", inputIds, "attention_mask", attention,
                     "token_type_ids", types))) {
            float[][] hidden = ((float[][][]) result.get(0).getValue())[0];
            return pool(hidden, pooling);
        }
    }

    /** Pooling of one unpadded text's token states, written independently of {@link BertNetwork}. */
    static float[] pool(float[][] hidden, String pooling) {
        float[] pooled = new float[hidden[0].length];
        if (pooling.startsWith("cls")) {
            System.arraycopy(hidden[0], 0, pooled, 0, pooled.length);
        } else {
            for (float[] token : hidden) {
                for (int d = 0; d < pooled.length; d++) {
                    pooled[d] += token[d] / hidden.length;
                }
            }
        }
        if (pooling.endsWith("+l2")) {
            double norm = 0;
            for (float v : pooled) {
                norm += v * v;
            }
            float scale = (float) (1 / Math.sqrt(norm));
            for (int d = 0; d < pooled.length; d++) {
                pooled[d] *= scale;
            }
        }
        return pooled;
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = PretrainedEncoder.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("No class-path resource " + name);
            }
            return in.readAllBytes();
        }
    }

    static String javaBinary() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
