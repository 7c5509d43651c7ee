package org.activelabeler.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatentSemanticProjectionTest {

    /** 200 documents: even ones use words 0-19 ("topic A"), odd ones words 20-39 ("topic B"). */
    private static FeatureMatrix twoTopics() {
        Random random = new Random(1);
        List<int[]> docs = new ArrayList<>();
        for (int d = 0; d < 200; d++) {
            int offset = d % 2 == 0 ? 0 : 20;
            docs.add(random.ints(12, offset, offset + 20).distinct().sorted().toArray());
        }
        int[] start = new int[docs.size() + 1];
        for (int d = 0; d < docs.size(); d++) {
            start[d + 1] = start[d] + docs.get(d).length;
        }
        int[] columns = new int[start[docs.size()]];
        float[] values = new float[columns.length];
        for (int d = 0; d < docs.size(); d++) {
            System.arraycopy(docs.get(d), 0, columns, start[d], docs.get(d).length);
            for (int p = start[d]; p < start[d + 1]; p++) {
                values[p] = 0.5f + random.nextFloat();
            }
        }
        return new FeatureMatrix(start, columns, values, 64);
    }

    @Test
    void separatesDocumentsThatShareNoWords() {
        FeatureMatrix rows = twoTopics();
        LatentSemanticProjection projection = LatentSemanticProjection.fit(rows, 2, 1000, 100, 2, 7);
        float[] z = projection.transform(rows);

        assertThat(cosine(z, 0, 2, 2)).isGreaterThan(0.9);
        assertThat(cosine(z, 1, 3, 2)).isGreaterThan(0.9);
        assertThat(Math.abs(cosine(z, 0, 1, 2))).isLessThan(0.1);
    }

    @Test
    void projectionsHaveUnitLengthAndDependOnlyOnTheSeed() {
        FeatureMatrix rows = twoTopics();
        float[] first = LatentSemanticProjection.fit(rows, 4, 1000, 100, 1, 3).transform(rows);
        float[] again = LatentSemanticProjection.fit(rows, 4, 1000, 100, 1, 3).transform(rows);

        assertThat(again).containsExactly(first);
        for (int r = 0; r < rows.rowCount(); r++) {
            assertThat(cosine(first, r, r, 4)).isCloseTo(1.0, within(1e-4));
        }
    }

    @Test
    void learnsFromASampleWhenThereAreManyDocuments() {
        FeatureMatrix rows = twoTopics();
        float[] z = LatentSemanticProjection.fit(rows, 2, 40, 100, 2, 7).transform(rows);

        assertThat(cosine(z, 10, 12, 2)).isGreaterThan(0.9);
        assertThat(Math.abs(cosine(z, 10, 11, 2))).isLessThan(0.1);
    }

    @Test
    void orthonormalizesTheColumnsOfAMatrix() {
        Random random = new Random(5);
        int n = 50;
        int k = 6;
        float[] y = new float[n * k];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) random.nextGaussian();
        }
        float[] q = LatentSemanticProjection.orthonormalize(y, n, k);

        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double dot = 0;
                for (int r = 0; r < n; r++) {
                    dot += q[r * k + a] * q[r * k + b];
                }
                assertThat(dot).isCloseTo(a == b ? 1.0 : 0.0, within(1e-4));
            }
        }
    }

    @Test
    void supportsAtMostHalfTheDocumentsOrColumns() {
        FeatureMatrix rows = twoTopics();
        assertThat(LatentSemanticProjection.supportedDimensions(rows, 200, 10_000)).isEqualTo(20);
        assertThat(LatentSemanticProjection.supportedDimensions(rows, 8, 10_000)).isEqualTo(8);
        assertThat(LatentSemanticProjection.supportedDimensions(rows.select(new int[] {0, 1}), 8, 10_000)).isZero();
    }

    private static double cosine(float[] z, int a, int b, int k) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int j = 0; j < k; j++) {
            dot += z[a * k + j] * z[b * k + j];
            na += z[a * k + j] * z[a * k + j];
            nb += z[b * k + j] * z[b * k + j];
        }
        return dot / Math.sqrt(na * nb);
    }
}
