package org.activelabeler.training.djl.bert;

import java.util.Arrays;

/** One weight read from a file, row-major, before it becomes an array on the device. */
record WeightTensor(long[] shape, float[] values) {
    WeightTensor {
        long size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (size != values.length) {
            throw new IllegalArgumentException("Shape " + Arrays.toString(shape) + " does not hold " + values.length + " values");
        }
    }

    /** The transpose of a matrix. */
    WeightTensor transposed() {
        if (shape.length != 2) {
            throw new IllegalStateException("Only a matrix can be transposed, shape " + Arrays.toString(shape));
        }
        int rows = (int) shape[0];
        int cols = (int) shape[1];
        float[] out = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = values[r * cols + c];
            }
        }
        return new WeightTensor(new long[] {cols, rows}, out);
    }
}
