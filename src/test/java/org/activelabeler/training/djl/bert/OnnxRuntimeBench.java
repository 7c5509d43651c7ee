package org.activelabeler.training.djl.bert;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The ONNX Runtime side of {@link EmbeddingBenchmark}, in a JVM of its own (see {@link OnnxRuntimeReference}):
 * runs the same padded batches through the same ONNX file, pools as the encoder does, and reports the time.
 *
 * <p>Arguments: model resource, pooling ({@link SentencePooling#describe()}), threads, spinning
 * ({@code spin} or {@code nospin}), the batch file written by {@link #writeBatches}, the output file.
 * Prints {@code seconds=<time of all batches after one warm-up batch>}.
 */
public final class OnnxRuntimeBench {
    private OnnxRuntimeBench() {
    }

    public static void main(String[] args) throws Exception {
        byte[] model = OnnxRuntimeReference.resource(args[0]);
        String pooling = args[1];
        int threads = Integer.parseInt(args[2]);
        boolean spin = args[3].equals("spin");
        List<long[][]> batches = readBatches(Path.of(args[4]));
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.addConfigEntry("session.intra_op.allow_spinning", spin ? "1" : "0");
            try (OrtSession session = env.createSession(model, options)) {
                run(env, session, batches.get(0), pooling);
                long start = System.nanoTime();
                List<float[]> vectors = new ArrayList<>();
                for (long[][] batch : batches) {
                    vectors.addAll(run(env, session, batch, pooling));
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(Path.of(args[5])))) {
                    out.writeInt(vectors.size());
                    for (float[] v : vectors) {
                        out.writeInt(v.length);
                        for (float x : v) {
                            out.writeFloat(x);
                        }
                    }
                }
                System.out.println("seconds=" + seconds);
            }
        }
    }

    private static List<float[]> run(OrtEnvironment env, OrtSession session, long[][] batch, String pooling)
            throws Exception {
        int length = Arrays.stream(batch).mapToInt(r -> r.length).max().orElse(1);
        long[] ids = new long[batch.length * length];
        long[] mask = new long[ids.length];
        for (int i = 0; i < batch.length; i++) {
            System.arraycopy(batch[i], 0, ids, i * length, batch[i].length);
            Arrays.fill(mask, i * length, i * length + batch[i].length, 1L);
        }
        long[] shape = {batch.length, length};
        try (OnnxTensor inputIds = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
             OnnxTensor attention = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
             OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape);
             OrtSession.Result result = session.run(Map.of("input_ids", inputIds, "attention_mask", attention,
                     "token_type_ids", types))) {
            OnnxTensor hidden = (OnnxTensor) result.get(0);
            int width = (int) hidden.getInfo().getShape()[2];
            FloatBuffer states = hidden.getFloatBuffer();
            List<float[]> out = new ArrayList<>();
            for (int i = 0; i < batch.length; i++) {
                float[][] tokens = new float[pooling.startsWith("cls") ? 1 : batch[i].length][width];
                for (int t = 0; t < tokens.length; t++) {
                    states.get((i * length + t) * width, tokens[t]);
                }
                out.add(OnnxRuntimeReference.pool(tokens, pooling));
            }
            return out;
        }
    }

    static void writeBatches(Path file, List<long[][]> batches) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(batches.size());
            for (long[][] batch : batches) {
                out.writeInt(batch.length);
                for (long[] row : batch) {
                    out.writeInt(row.length);
                    for (long id : row) {
                        out.writeInt((int) id);
                    }
                }
            }
        }
    }

    static List<long[][]> readBatches(Path file) throws IOException {
        try (InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(file));
             DataInputStream in = new DataInputStream(raw)) {
            int count = in.readInt();
            List<long[][]> batches = new ArrayList<>();
            for (int b = 0; b < count; b++) {
                long[][] batch = new long[in.readInt()][];
                for (int r = 0; r < batch.length; r++) {
                    batch[r] = new long[in.readInt()];
                    for (int t = 0; t < batch[r].length; t++) {
                        batch[r][t] = in.readInt();
                    }
                }
                batches.add(batch);
            }
            return batches;
        }
    }

    static List<float[]> readVectors(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            int count = in.readInt();
            List<float[]> vectors = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                float[] v = new float[in.readInt()];
                for (int d = 0; d < v.length; d++) {
                    v[d] = in.readFloat();
                }
                vectors.add(v);
            }
            return vectors;
        }
    }
}
