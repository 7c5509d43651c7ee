package org.activelabeler.training.djl.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/** Token ids [B, L] of some rows, padded with 0 to the longest of them, and the attention mask. */
record TokenBatch(NDArray ids, NDArray mask) {
    static TokenBatch of(NDManager manager, long[][] ids, int[] rows) {
        int length = Arrays.stream(rows).map(r -> ids[r].length).max().orElse(1);
        long[] flat = new long[rows.length * length];
        long[] mask = new long[rows.length * length];
        for (int i = 0; i < rows.length; i++) {
            long[] row = ids[rows[i]];
            System.arraycopy(row, 0, flat, i * length, row.length);
            Arrays.fill(mask, i * length, i * length + row.length, 1L);
        }
        Shape shape = new Shape(rows.length, length);
        return new TokenBatch(manager.create(flat, shape), manager.create(mask, shape));
    }
}
