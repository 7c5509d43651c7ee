package org.activelabeler.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FeatureBlocksTest {
    @Test
    void namesInAnyOrderAndCase() {
        assertThat(FeatureBlocks.parse("tfidf,lsa,embeddings")).isEqualTo(FeatureBlocks.ALL);
        assertThat(FeatureBlocks.parse(" Embeddings , TFIDF")).isEqualTo(new FeatureBlocks(true, false, true));
        assertThat(FeatureBlocks.parse("tfidf,lsa")).isEqualTo(FeatureBlocks.TEXT).hasToString("tfidf,lsa");
        assertThat(FeatureBlocks.parse("embed")).isEqualTo(FeatureBlocks.EMBEDDINGS_ONLY);
    }

    @Test
    void badListsSayWhatToDo() {
        assertThatThrownBy(() -> FeatureBlocks.parse("tfidf,bert")).hasMessageContaining("unknown block 'bert'")
                .hasMessageContaining("tfidf, lsa, embeddings");
        assertThatThrownBy(() -> FeatureBlocks.parse("lsa")).hasMessageContaining("lsa is a projection of tfidf");
        assertThatThrownBy(() -> FeatureBlocks.parse(" , ")).hasMessageContaining("needs tfidf or embeddings");
    }

    @Test
    void denseRowsAfterTheSparseColumns() {
        FeatureMatrix empty = FeatureMatrix.empty(2);
        FeatureMatrix dense = empty.withDenseRows(new float[][] {{1, 2}, {3, 4}}, 2f);
        assertThat(dense.columnCount()).isEqualTo(2);
        assertThat(dense.denseWidth()).isEqualTo(2);
        assertThat(dense.denseValue(1, 1)).isEqualTo(8f);
    }
}
