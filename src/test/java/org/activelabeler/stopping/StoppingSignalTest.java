package org.activelabeler.stopping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StoppingSignalTest {

    @Test
    void kappaByHand() {
        // 10 items, 8 agreements; A: 5 of class 0, 5 of class 1; B: 6 and 4
        int[] a = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
        int[] b = {0, 0, 0, 0, 1, 1, 1, 1, 1, 0};
        // observed 0.8; chance 0.5*0.5 + 0.5*0.5 = 0.5 (B has 5 and 5 too) -> kappa 0.6
        assertThat(CohenKappa.of(a, b, 2)).isCloseTo(0.6, within(1e-12));
        int[] c = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1};
        // observed 0.9; chance 0.5*0.6 + 0.5*0.4 = 0.5 -> 0.8
        assertThat(CohenKappa.of(a, c, 2)).isCloseTo(0.8, within(1e-12));
        assertThat(CohenKappa.of(a, a, 3)).isEqualTo(1.0);
        assertThat(CohenKappa.of(new int[] {2, 2}, new int[] {2, 2}, 3)).isEqualTo(1.0);
    }

    @Test
    void stableOnlyAfterThreeRoundsAtOrAboveTheThreshold() {
        StabilizingPredictions signal = new StabilizingPredictions(2);
        int[] base = new int[200];
        for (int i = 0; i < base.length; i++) {
            base[i] = i % 2;
        }
        assertThat(signal.next(base).kappa()).isNaN();
        int[] twoFlips = base.clone();
        twoFlips[0] = 1;
        twoFlips[2] = 1;
        StabilizingPredictions.Reading r1 = signal.next(twoFlips);
        // observed 0.99; chance 0.5 * 0.49 + 0.5 * 0.51 = 0.5: kappa 0.98
        assertThat(r1.kappa()).isCloseTo(0.98, within(1e-9));
        assertThat(r1.stable()).isFalse();
        assertThat(signal.next(twoFlips).stable()).isFalse();
        assertThat(signal.next(twoFlips).stable()).as("0.98, 1, 1").isFalse();
        StabilizingPredictions.Reading r4 = signal.next(twoFlips);
        assertThat(r4.kappa()).isEqualTo(1.0);
        assertThat(r4.stable()).isTrue();
        assertThat(signal.next(base).stable()).isFalse();
    }

    @Test
    void theStopSetIsFixedBySeedAndCoversASmallPool() {
        assertThat(StabilizingPredictions.stopSet(50, 13)).hasSize(50).startsWith(0, 1, 2);
        int[] big = StabilizingPredictions.stopSet(10_000, 13);
        assertThat(big).hasSize(StabilizingPredictions.STOP_SET).isSorted().doesNotHaveDuplicates();
        assertThat(StabilizingPredictions.stopSet(10_000, 13)).isEqualTo(big);
    }

    @Test
    void auditEstimateWithAWilsonInterval() {
        AuditEstimate audit = new AuditEstimate();
        assertThat(audit.reading().labels()).isZero();
        for (int i = 0; i < 100; i++) {
            audit.add(i < 80);
        }
        AuditEstimate.Reading r = audit.reading();
        assertThat(r.accuracy()).isEqualTo(0.8);
        // Wilson 95% for 80 of 100: 0.7112 to 0.8666
        assertThat(r.low()).isCloseTo(0.7112, within(0.0005));
        assertThat(r.high()).isCloseTo(0.8666, within(0.0005));
        assertThat(new StoppingSignal(new StabilizingPredictions.Reading(0.995, true), r).advice())
                .startsWith("Predictions are stable (kappa 0.995").contains("audit accuracy 80.0% (95% CI 71.1 to 86.7%");
    }

    @Test
    void theAuditWindowKeepsTheNewestLabels() {
        AuditEstimate audit = new AuditEstimate();
        for (int i = 0; i < AuditEstimate.WINDOW; i++) {
            audit.add(false);
        }
        for (int i = 0; i < AuditEstimate.WINDOW; i++) {
            audit.add(true);
        }
        assertThat(audit.reading().accuracy()).isEqualTo(1.0);
        assertThat(audit.reading().total()).isEqualTo(2 * AuditEstimate.WINDOW);
    }
}
