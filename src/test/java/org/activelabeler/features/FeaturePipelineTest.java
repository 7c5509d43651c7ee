package org.activelabeler.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FeaturePipelineTest {
    private static final FeatureSettings SMALL_LATENT = new FeatureSettings(2, 12, 1, 4, 0.5f);

    private static int[][] documents() {
        SplittableRandom random = new SplittableRandom(5);
        int[][] documents = new int[40][];
        for (int d = 0; d < documents.length; d++) {
            documents[d] = random.ints(8 + random.nextInt(12), 1, 60).toArray();
        }
        return documents;
    }

    @Test
    void tokenIdsFromASupplierAreReadOnceAndGiveTheSameRowsAsAnArray() {
        AtomicInteger reads = new AtomicInteger();

        FeaturePipeline.Fitted supplied = FeaturePipeline.fit(() -> {
            reads.incrementAndGet();
            return documents();
        }, SMALL_LATENT);
        FeaturePipeline.Fitted given = FeaturePipeline.fit(documents(), SMALL_LATENT);

        assertThat(reads).hasValue(1);
        assertThat(supplied.rows().denseWidth()).as("the latent block is there").isEqualTo(4);
        for (int r = 0; r < 40; r++) {
            assertThat(supplied.rows().rowLength(r)).isEqualTo(given.rows().rowLength(r));
            for (int p = supplied.rows().rowStart(r); p < supplied.rows().rowEnd(r); p++) {
                assertThat(supplied.rows().column(p)).isEqualTo(given.rows().column(p));
                assertThat(supplied.rows().value(p)).isEqualTo(given.rows().value(p));
            }
            for (int j = 0; j < 4; j++) {
                assertThat(supplied.rows().denseValue(r, j)).isEqualTo(given.rows().denseValue(r, j));
            }
        }
    }
}
