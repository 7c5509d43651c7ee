package org.activelabeler.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryAdviceTest {

    @Test
    void itNamesTheMemoryJavaMayUseAndHowToStartWithTwiceAsMuch() {
        String advice = MemoryAdvice.describe(6L << 30);

        assertThat(advice).contains("more than the 6.0 GB Java may use here")
                .contains("JAVA_TOOL_OPTIONS=-Xmx12g").contains("java -Xmx12g -jar active-labeler.jar");
    }

    @Test
    void aSmallHeapStillAsksForAtLeastTwoGigabytes() {
        assertThat(MemoryAdvice.describe(256L << 20)).contains("0.3 GB").contains("-Xmx2g");
    }
}
