package org.activelabeler.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryStrategiesTest {

    @Test
    void findsEachStrategyByItsName() {
        assertThat(QueryStrategies.names()).containsExactly("entropy", "least-confidence", "margin", "diverse-entropy",
                "random");
        assertThat(QueryStrategies.named("diverse-entropy")).isInstanceOf(DiverseEntropySampling.class);
        assertThat(QueryStrategies.named("entropy")).isInstanceOf(EntropySampling.class);
        assertThat(QueryStrategies.named("least-confidence")).isInstanceOf(LeastConfidenceSampling.class);
        assertThat(QueryStrategies.named("margin")).isInstanceOf(MarginSampling.class);
        assertThat(QueryStrategies.named("random")).isInstanceOf(RandomSampling.class);
        assertThat(QueryStrategies.named(QueryStrategies.DEFAULT).name()).isEqualTo(QueryStrategies.DEFAULT);
    }

    @Test
    void rejectsAnUnknownNameListingTheValidOnes() {
        assertThatThrownBy(() -> QueryStrategies.named("uncertainty"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'uncertainty'")
                .hasMessageContaining("entropy, least-confidence, margin, diverse-entropy, random");
    }
}
