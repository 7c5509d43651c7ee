package org.activelabeler.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NgramCounterTest {
    private static final FeatureSettings BIGRAMS = new FeatureSettings(2, 16, 1, 0, 0f);
    private static final FeatureSettings UNIGRAMS = new FeatureSettings(1, 16, 1, 0, 0f);

    private static float valueAt(FeatureMatrix m, int row, int column) {
        for (int p = m.rowStart(row); p < m.rowEnd(row); p++) {
            if (m.column(p) == column) {
                return m.value(p);
            }
        }
        return 0;
    }

    @Test
    void unigramColumnsAreTheTokenIds() {
        FeatureMatrix m = new NgramCounter(UNIGRAMS).count(new int[][] {{2307, 42, 30521, 42}, {7}});

        assertThat(m.rowCount()).isEqualTo(2);
        assertThat(m.columnCount()).isEqualTo(FeatureSettings.UNIGRAM_COLUMNS);
        assertThat(m.rowLength(0)).isEqualTo(3);
        assertThat(new int[] {m.column(0), m.column(1), m.column(2)}).containsExactly(42, 2307, 30521);
        assertThat(new float[] {m.value(0), m.value(1), m.value(2)}).containsExactly(2f, 1f, 1f);
        assertThat(m.rowLength(1)).isEqualTo(1);
        assertThat(m.column(m.rowStart(1))).isEqualTo(7);
    }

    @Test
    void countsARepeatedBigramTwice() {
        NgramCounter counter = new NgramCounter(BIGRAMS);
        FeatureMatrix single = counter.count(new int[][] {{5, 7}});
        int bigram = single.column(single.rowEnd(0) - 1);
        assertThat(single.rowLength(0)).isEqualTo(3);
        assertThat(bigram).isGreaterThanOrEqualTo(FeatureSettings.UNIGRAM_COLUMNS);

        FeatureMatrix m = counter.count(new int[][] {{5, 7, 1, 5, 7}});

        assertThat(valueAt(m, 0, bigram)).isEqualTo(2f);
        assertThat(valueAt(m, 0, 5)).isEqualTo(2f);
        assertThat(valueAt(m, 0, 7)).isEqualTo(2f);
        assertThat(valueAt(m, 0, 1)).isEqualTo(1f);
        float total = 0;
        for (int p = m.rowStart(0); p < m.rowEnd(0); p++) {
            total += m.value(p);
        }
        assertThat(total).as("5 unigrams and 4 bigrams").isEqualTo(9f);
        assertThat(m.columnCount()).isEqualTo(BIGRAMS.sparseColumnCount());
    }

    @Test
    void bigramsDependOnTokenOrder() {
        NgramCounter counter = new NgramCounter(BIGRAMS);
        FeatureMatrix m = counter.count(new int[][] {{5, 7}, {7, 5}});

        assertThat(m.column(m.rowEnd(0) - 1)).isNotEqualTo(m.column(m.rowEnd(1) - 1));
    }

    @Test
    void columnsOfARowAreSortedAndDistinct() {
        FeatureMatrix m = new NgramCounter(BIGRAMS).count(new int[][] {{9, 3, 9, 3, 9, 200000, 1}, {}});

        for (int p = m.rowStart(0) + 1; p < m.rowEnd(0); p++) {
            assertThat(m.column(p)).isGreaterThan(m.column(p - 1));
        }
        for (int p = m.rowStart(0); p < m.rowEnd(0); p++) {
            assertThat(m.column(p)).isBetween(0, m.columnCount() - 1);
        }
        assertThat(m.rowLength(1)).isZero();
    }
}
