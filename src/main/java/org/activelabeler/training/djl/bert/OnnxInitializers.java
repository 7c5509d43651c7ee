package org.activelabeler.training.djl.bert;

import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the float weights of a BERT encoder exported to ONNX and gives them their Hugging Face
 * names. The exporter keeps plain names for embeddings, biases and layer norms but stores each
 * linear layer's weight anonymously ({@code onnx::MatMul_787}) as [in, out]; the MatMul node
 * that consumes it carries the real name ({@code /encoder/layer.0/attention/self/query/MatMul}),
 * and the weight is transposed back to [out, in].
 *
 * <p>Only the protobuf fields needed here are read: ModelProto.graph (7), GraphProto.node (1) and
 * initializer (5), NodeProto.input (1), name (3) and op_type (4), TensorProto.dims (1),
 * data_type (2), float_data (4), name (8) and raw_data (9).
 */
final class OnnxInitializers {
    private static final int FLOAT = 1;

    private OnnxInitializers() {
    }

    static Map<String, WeightTensor> read(InputStream onnx, String source) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(onnx);
        in.setSizeLimit(Integer.MAX_VALUE);
        Map<String, WeightTensor> tensors = new LinkedHashMap<>();
        Map<String, String> matMulNames = new HashMap<>();
        boolean sawGraph = false;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag >>> 3 == 7) {
                sawGraph = true;
                int limit = in.pushLimit(in.readRawVarint32());
                readGraph(in, tensors, matMulNames);
                in.popLimit(limit);
            } else {
                in.skipField(tag);
            }
        }
        if (!sawGraph || tensors.isEmpty()) {
            throw new IOException(source + " is not an ONNX model with weights");
        }
        Map<String, WeightTensor> named = new LinkedHashMap<>();
        for (Map.Entry<String, WeightTensor> e : tensors.entrySet()) {
            String matMul = matMulNames.get(e.getKey());
            if (matMul != null) {
                named.put(matMul, e.getValue().transposed());
            } else {
                named.put(e.getKey(), e.getValue());
            }
        }
        return named;
    }

    private static void readGraph(CodedInputStream in, Map<String, WeightTensor> tensors,
                                  Map<String, String> matMulNames) throws IOException {
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int field = tag >>> 3;
            if (field == 5) {
                int limit = in.pushLimit(in.readRawVarint32());
                Tensor tensor = readTensor(in);
                in.popLimit(limit);
                if (tensor.type == FLOAT) {
                    tensors.put(tensor.name, new WeightTensor(tensor.dims(), tensor.floats()));
                }
            } else if (field == 1) {
                int limit = in.pushLimit(in.readRawVarint32());
                readNode(in, matMulNames);
                in.popLimit(limit);
            } else {
                in.skipField(tag);
            }
            if (in.isAtEnd()) {
                return;
            }
        }
    }

    private static void readNode(CodedInputStream in, Map<String, String> matMulNames) throws IOException {
        List<String> inputs = new ArrayList<>();
        String name = "";
        String op = "";
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            switch (tag >>> 3) {
                case 1 -> inputs.add(in.readStringRequireUtf8());
                case 3 -> name = in.readStringRequireUtf8();
                case 4 -> op = in.readStringRequireUtf8();
                default -> in.skipField(tag);
            }
        }
        if (op.equals("MatMul") && inputs.size() == 2 && name.endsWith("/MatMul")) {
            String path = name.substring(name.startsWith("/") ? 1 : 0, name.length() - "/MatMul".length());
            matMulNames.put(inputs.get(1), path.replace('/', '.') + ".weight");
        }
    }

    private static Tensor readTensor(CodedInputStream in) throws IOException {
        Tensor t = new Tensor();
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            switch (tag >>> 3) {
                case 1 -> {
                    if ((tag & 7) == 2) {
                        int limit = in.pushLimit(in.readRawVarint32());
                        while (!in.isAtEnd()) {
                            t.dims.add(in.readInt64());
                        }
                        in.popLimit(limit);
                    } else {
                        t.dims.add(in.readInt64());
                    }
                }
                case 2 -> t.type = in.readInt32();
                case 4 -> {
                    int limit = in.pushLimit(in.readRawVarint32());
                    ByteBuffer buffer = ByteBuffer.allocate(in.getBytesUntilLimit()).order(ByteOrder.LITTLE_ENDIAN);
                    while (!in.isAtEnd()) {
                        buffer.putFloat(in.readFloat());
                    }
                    in.popLimit(limit);
                    t.raw = buffer.array();
                }
                case 8 -> t.name = in.readStringRequireUtf8();
                case 9 -> t.raw = in.readByteArray();
                default -> in.skipField(tag);
            }
        }
        return t;
    }

    private static final class Tensor {
        final List<Long> dims = new ArrayList<>();
        int type;
        String name = "";
        byte[] raw = new byte[0];

        long[] dims() {
            return dims.stream().mapToLong(Long::longValue).toArray();
        }

        float[] floats() {
            float[] values = new float[raw.length / 4];
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            return values;
        }
    }
}
