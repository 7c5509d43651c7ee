package org.activelabeler.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class TfIdfWeightingTest {
    private static final FeatureSettings UNIGRAMS = new FeatureSettings(1, 16, 1, 0, 0f);
    /** Packed values keep 8 significant bits: within 2^-8 of the value. */
    private static final double PACKED_PERCENT = 100.0 / 256;

    private static FeatureMatrix counts(int[][] documents) {
        return new NgramCounter(UNIGRAMS).count(documents);
    }

    private static int[] columns(FeatureMatrix m, int row) {
        int[] columns = new int[m.rowLength(row)];
        for (int p = m.rowStart(row); p < m.rowEnd(row); p++) {
            columns[p - m.rowStart(row)] = m.column(p);
        }
        return columns;
    }

    @Test
    void rowsAreL2Normalised() {
        FeatureMatrix counts = counts(new int[][] {{1, 2, 2, 3}, {1, 4}, {2, 3, 3, 3, 5}, {1}});

        FeatureMatrix weighted = TfIdfWeighting.fit(counts, 1).transform(counts);

        for (int r = 0; r < weighted.rowCount(); r++) {
            double squares = 0;
            for (int p = weighted.rowStart(r); p < weighted.rowEnd(r); p++) {
                squares += weighted.value(p) * weighted.value(p);
            }
            assertThat(squares).as("row %d", r).isCloseTo(1.0, withinPercentage(2 * PACKED_PERCENT));
        }
    }

    @Test
    void weightsAreSublinearTfTimesSmoothIdf() {
        // N = 3; df(1) = 2, df(2) = 2; idf = ln((1 + 3) / (1 + 2)) + 1 for both
        FeatureMatrix counts = counts(new int[][] {{1, 2, 2}, {1}, {2}});

        FeatureMatrix weighted = TfIdfWeighting.fit(counts, 1).transform(counts);

        double idf = Math.log(4.0 / 3) + 1;
        double one = idf;
        double two = (1 + Math.log(2)) * idf;
        double norm = Math.sqrt(one * one + two * two);
        assertThat(columns(weighted, 0)).containsExactly(1, 2);
        assertThat((double) weighted.value(0)).isCloseTo(one / norm, withinPercentage(PACKED_PERCENT));
        assertThat((double) weighted.value(1)).isCloseTo(two / norm, withinPercentage(PACKED_PERCENT));
    }

    @Test
    void dropsColumnsBelowTheMinimumDocumentFrequency() {
        int[][] documents = {{1, 2, 2, 3}, {1, 4}, {1, 2}, {4, 7}, {9}};
        FeatureMatrix counts = counts(documents);

        FeatureMatrix weighted = TfIdfWeighting.fit(counts, 2).transform(counts);

        assertThat(columns(weighted, 0)).containsExactly(1, 2);
        assertThat(columns(weighted, 1)).containsExactly(1, 4);
        assertThat(columns(weighted, 2)).containsExactly(1, 2);
        assertThat(columns(weighted, 3)).containsExactly(4);
        assertThat(weighted.rowLength(4)).isZero();
        assertThat(weighted.value(weighted.rowStart(3))).isCloseTo(1f, within(1e-6f));
        assertThat(weighted.columnCount()).isEqualTo(counts.columnCount());
    }

    @Test
    void appliesLearnedFrequenciesToOtherDocuments() {
        FeatureMatrix corpus = counts(new int[][] {{1, 2}, {1, 3}, {2, 3}});
        TfIdfWeighting weighting = TfIdfWeighting.fit(corpus, 2);

        FeatureMatrix other = weighting.transform(counts(new int[][] {{1, 8, 8}, {8}}));

        assertThat(columns(other, 0)).containsExactly(1);
        assertThat(other.value(other.rowStart(0))).isCloseTo(1f, within(1e-6f));
        assertThat(other.rowLength(1)).isZero();
    }

    @Test
    void rowsArePackedWhereTheSpaceAllowsItAndKeptAsFloatsWhereItDoesNot() {
        int[][] documents = {{1, 2, 2}, {1}, {2, 3}};
        NgramCounter narrow = new NgramCounter(new FeatureSettings(2, 20, 1, 0, 0f));
        NgramCounter wide = new NgramCounter(new FeatureSettings(2, 21, 1, 0, 0f));

        FeatureMatrix packed = TfIdfWeighting.fit(narrow, documents, 1).transform(narrow, documents);
        FeatureMatrix floats = TfIdfWeighting.fit(wide, documents, 1).transform(wide, documents);

        assertThat(packed.toString()).contains("packed");
        assertThat(floats.toString()).doesNotContain("packed");
        assertThat(packed.nonZeroCount()).isEqualTo(floats.nonZeroCount());
        for (int p = 0; p < floats.nonZeroCount(); p++) {
            assertThat(packed.value(p)).isCloseTo(floats.value(p), withinPercentage(PACKED_PERCENT));
        }
        assertThat(floats.value(floats.rowStart(1))).isEqualTo(1f);
    }

    @Test
    void fromDocumentsInChunksItIsTheWeightingOfAllTheirCounts() {
        java.util.Random random = new java.util.Random(5);
        int[][] documents = new int[2 * TfIdfWeighting.CHUNK + 17][];
        for (int d = 0; d < documents.length; d++) {
            documents[d] = random.ints(random.nextInt(12), 0, 3000).toArray();
        }
        NgramCounter counter = new NgramCounter(new FeatureSettings(2, 16, 2, 0, 0f));
        FeatureMatrix counts = counter.count(documents);
        TfIdfWeighting whole = TfIdfWeighting.fit(counts, 2);

        TfIdfWeighting chunked = TfIdfWeighting.fit(counter, documents, 2);
        FeatureMatrix rows = chunked.transform(counter, documents);

        assertThat(chunked.idf()).containsExactly(whole.idf());
        FeatureMatrix expected = whole.transform(counts);
        assertThat(rows.rowCount()).isEqualTo(documents.length);
        assertThat(rows.nonZeroCount()).isEqualTo(expected.nonZeroCount()).isLessThan(counts.nonZeroCount());
        for (int r = 0; r < documents.length; r++) {
            assertThat(columns(rows, r)).containsExactly(columns(expected, r));
            for (int p = rows.rowStart(r); p < rows.rowEnd(r); p++) {
                assertThat(rows.value(p)).isEqualTo(expected.value(p));
            }
        }
    }
}
