package org.activelabeler.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureVariantTest {
    /** Two rows of sparse entries, a 2-wide LSA-like block, then 3-wide vectors. */
    private static final FeatureMatrix TEXT = new FeatureMatrix(new int[] {0, 2, 3}, new int[] {1, 4, 0},
            new float[] {1f, 2f, 3f}, 5).withDenseBlock(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, 2, 0.5f);
    private static final float[][] VECTORS = {{1f, 2f, 3f}, {4f, 5f, 6f}};

    @Test
    void aVariantViewedFromTheDefaultRowsIsTheVariantBuiltAfresh() {
        FeatureMatrix all = TEXT.withDenseRows(VECTORS, 4f);
        List<FeatureVariant> variants = FeatureVariant.alternatives(FeatureBlocks.ALL, 4f);
        assertThat(variants).hasSize(3);
        for (FeatureVariant variant : variants) {
            FeatureMatrix built = variant.rows(TEXT, VECTORS);
            FeatureMatrix viewed = variant.rows(TEXT, VECTORS, all, 4f);
            assertSame(viewed, built, variant.name());
            assertSame(viewed.select(new int[] {1, 0}), built.select(new int[] {1, 0}), variant.name() + " selected");
        }
    }

    private static void assertSame(FeatureMatrix actual, FeatureMatrix expected, String what) {
        assertThat(actual.columnCount()).as(what).isEqualTo(expected.columnCount());
        assertThat(actual.sparseColumnCount()).as(what).isEqualTo(expected.sparseColumnCount());
        assertThat(actual.denseWidth()).as(what).isEqualTo(expected.denseWidth());
        assertThat(actual.nonZeroCount()).as(what).isEqualTo(expected.nonZeroCount());
        for (int r = 0; r < expected.rowCount(); r++) {
            for (int p = expected.rowStart(r); p < expected.rowEnd(r); p++) {
                assertThat(actual.column(p)).isEqualTo(expected.column(p));
                assertThat(actual.value(p)).isEqualTo(expected.value(p));
            }
            for (int j = 0; j < expected.denseWidth(); j++) {
                assertThat(actual.denseValue(r, j)).as("%s row %d dense %d", what, r, j)
                        .isCloseTo(expected.denseValue(r, j), within(1e-6f));
            }
        }
    }
}
