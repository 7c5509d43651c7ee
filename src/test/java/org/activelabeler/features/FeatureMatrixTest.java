package org.activelabeler.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureMatrixTest {
    /** Rows: 0 = {1: 1.0, 4: 2.0}, 1 = {}, 2 = {0: 3.0}, 3 = {2: 4.0, 3: 5.0, 4: 6.0}. */
    private static FeatureMatrix sample() {
        return new FeatureMatrix(new int[] {0, 2, 2, 3, 6}, new int[] {1, 4, 0, 2, 3, 4},
                new float[] {1f, 2f, 3f, 4f, 5f, 6f}, 5);
    }

    private static List<String> describe(FeatureMatrix m) {
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < m.rowCount(); r++) {
            StringBuilder row = new StringBuilder();
            for (int p = m.rowStart(r); p < m.rowEnd(r); p++) {
                row.append(m.column(p)).append('=').append(m.value(p)).append(' ');
            }
            for (int j = 0; j < m.denseWidth(); j++) {
                row.append(m.sparseColumnCount() + j).append('=').append(m.denseValue(r, j)).append(' ');
            }
            rows.add(row.toString().strip());
        }
        return rows;
    }

    @Test
    void selectCopiesTheGivenRowsInTheGivenOrder() {
        FeatureMatrix m = sample();

        FeatureMatrix selected = m.select(new int[] {3, 0, 1, 3});

        assertThat(describe(selected)).containsExactly("2=4.0 3=5.0 4=6.0", "1=1.0 4=2.0", "", "2=4.0 3=5.0 4=6.0");
        assertThat(selected.columnCount()).isEqualTo(5);
        assertThat(selected.nonZeroCount()).isEqualTo(8);
        assertThat(describe(m)).containsExactly("1=1.0 4=2.0", "", "0=3.0", "2=4.0 3=5.0 4=6.0");
        assertThat(m.select(new int[0]).rowCount()).isZero();
    }

    @Test
    void appendsAWeightedDenseBlockAfterTheSparseColumns() {
        float[] dense = {1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f};

        FeatureMatrix wide = sample().withDenseBlock(dense, 2, 0.5f);

        assertThat(wide.columnCount()).isEqualTo(7);
        assertThat(describe(wide)).containsExactly("1=1.0 4=2.0 5=0.5 6=1.0", "5=1.5 6=2.0", "0=3.0 5=2.5 6=3.0",
                "2=4.0 3=5.0 4=6.0 5=3.5 6=4.0");
        assertThatThrownBy(() -> sample().withDenseBlock(new float[3], 2, 1f))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSecondDenseBlockFollowsTheFirstAndSelectCarriesBoth() {
        FeatureMatrix wide = sample().withDenseBlock(new float[] {1f, 2f, 3f, 4f}, 1, 1f)
                .withDenseBlock(new float[] {5f, 6f, 7f, 8f}, 1, 2f);

        assertThat(wide.columnCount()).isEqualTo(7);
        assertThat(wide.sparseColumnCount()).isEqualTo(5);
        assertThat(wide.nonZeroCount()).as("sparse entries only").isEqualTo(6);
        assertThat(describe(wide.select(new int[] {3, 1}))).containsExactly("2=4.0 3=5.0 4=6.0 5=4.0 6=16.0",
                "5=2.0 6=12.0");
    }

    @Test
    void viewsScaleOrIsolateDenseColumnsWithoutCopying() {
        FeatureMatrix wide = sample().withDenseBlock(new float[] {1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f}, 2, 1f);

        FeatureMatrix scaled = wide.withDenseColumnsScaled(1, 2, 10f);
        FeatureMatrix alone = scaled.denseColumnsOnly(1, 2);

        assertThat(describe(scaled)).containsExactly("1=1.0 4=2.0 5=1.0 6=20.0", "5=3.0 6=40.0", "0=3.0 5=5.0 6=60.0",
                "2=4.0 3=5.0 4=6.0 5=7.0 6=80.0");
        assertThat(alone.columnCount()).isEqualTo(1);
        assertThat(describe(alone)).containsExactly("0=20.0", "0=40.0", "0=60.0", "0=80.0");
        assertThat(describe(alone.select(new int[] {2}))).containsExactly("0=60.0");
        assertThat(describe(wide)).as("the original is untouched").containsExactly("1=1.0 4=2.0 5=1.0 6=2.0",
                "5=3.0 6=4.0", "0=3.0 5=5.0 6=6.0", "2=4.0 3=5.0 4=6.0 5=7.0 6=8.0");
        assertThatThrownBy(() -> wide.denseColumnsOnly(1, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOwnedBlockIsScaledInPlaceAndKeptLikeACopiedOne() {
        float[] block = {1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f};
        FeatureMatrix copied = sample().withDenseBlock(block.clone(), 2, 0.5f);

        FeatureMatrix owned = sample().withOwnedDenseBlock(block, 2, 0.5f);

        assertThat(describe(owned)).isEqualTo(describe(copied));
        assertThat(block[1]).as("scaled in place").isEqualTo(1f);
        assertThat(describe(owned.withOwnedDenseBlock(new float[] {1f, 1f, 1f, 1f}, 1, 1f)))
                .as("a second block is appended as a copy").containsExactly("1=1.0 4=2.0 5=0.5 6=1.0 7=1.0",
                        "5=1.5 6=2.0 7=1.0", "0=3.0 5=2.5 6=3.0 7=1.0", "2=4.0 3=5.0 4=6.0 5=3.5 6=4.0 7=1.0");
    }

    @Test
    void rejectsInconsistentArrays() {
        assertThatThrownBy(() -> new FeatureMatrix(new int[] {0, 2}, new int[] {1}, new float[] {1f}, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeatureMatrix(new int[] {0, 1}, new int[] {1}, new float[] {1f, 2f}, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void packedRowsKeepTheirColumnsAndDenseBlockAndSelectKeepsThemPacked() {
        FeatureMatrix unit = new FeatureMatrix(new int[] {0, 2, 2, 4}, new int[] {1, 4, 0, 2},
                new float[] {0.6f, 0.8f, 1f, 0.5f}, 5).withDenseBlock(new float[] {1f, 2f, 3f}, 1, 1f);

        FeatureMatrix packed = unit.packed();

        assertThat(describe(packed)).containsExactly("1=0.6015625 4=0.80078125 5=1.0", "5=2.0", "0=1.0 2=0.5 5=3.0");
        assertThat(packed.packed()).isSameAs(packed);
        assertThat(describe(packed.select(new int[] {2, 0}))).containsExactly("0=1.0 2=0.5 5=3.0",
                "1=0.6015625 4=0.80078125 5=1.0");
        assertThat(packed.select(new int[] {2}).toString()).contains("packed");
        assertThatThrownBy(() -> sample().packed()).isInstanceOf(IllegalArgumentException.class);
    }
}
