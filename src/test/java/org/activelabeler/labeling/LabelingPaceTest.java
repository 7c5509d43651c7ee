package org.activelabeler.labeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelingPaceTest {
    private static final Instant NINE = Instant.parse("2026-12-02T09:00:00Z");

    @Test
    void timeSpentIsTheSumOfShortGapsAndABreakIsNotCounted() {
        LabelingPace pace = new LabelingPace(List.of(NINE, NINE.plusSeconds(20), NINE.plusSeconds(50)));
        pace.add(NINE.plus(Duration.ofMinutes(40)));          // after a break: no time of its own
        pace.add(NINE.plus(Duration.ofMinutes(40)).plusSeconds(70));

        assertThat(pace.labels()).isEqualTo(5);
        assertThat(pace.active()).isEqualTo(Duration.ofSeconds(120));
        assertThat(pace.perHour()).isEqualTo(150.0);
        assertThat(pace.describe()).isEqualTo("Today: 5 labels in 2 min, 150 an hour");
    }

    @Test
    void beforeAMinuteOfWorkThereIsNoRate() {
        assertThat(new LabelingPace(List.of()).describe()).isEqualTo("Today: no labels yet");
        LabelingPace pace = new LabelingPace(List.of(NINE, NINE.plusSeconds(10)));
        assertThat(pace.perHour()).isNaN();
        assertThat(pace.describe()).isEqualTo("Today: 2 labels in 0 min");
    }
}
