package org.activelabeler.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cohen's kappa and Krippendorff's alpha against cases worked out by hand and in the literature. */
class AgreementTest {

    @Test
    void kappaOfTwoRatersOnFiftyItems() {
        // yes/yes 20, yes/no 5, no/yes 10, no/no 15: p_o = 0.7, p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5, kappa = 0.4
        Map<Long, Map<String, Integer>> labels = new HashMap<>();
        long id = 0;
        id = add(labels, id, 20, 1, 1);
        id = add(labels, id, 5, 1, 0);
        id = add(labels, id, 10, 0, 1);
        add(labels, id, 15, 0, 0);
        Agreement.Report report = Agreement.of(labels, 2);
        assertThat(report.pairs()).singleElement().satisfies(pair -> {
            assertThat(pair.reviews()).isEqualTo(50);
            assertThat(pair.kappa()).isCloseTo(0.4, within(1e-12));
        });
    }

    @Test
    void alphaOfKrippendorffsExampleWithMissingValues() {
        // Krippendorff (2011), "Computing Krippendorff's alpha-reliability": 4 observers, 12 units, values
        // 1..5 (here 0..4), missing ones left out; nominal alpha = 0.743.
        Integer[][] byObserver = {
                {1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null},
                {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3},
                {null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null},
                {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null}};
        Map<Long, Map<String, Integer>> labels = new HashMap<>();
        for (int observer = 0; observer < byObserver.length; observer++) {
            for (int unit = 0; unit < 12; unit++) {
                Integer value = byObserver[observer][unit];
                if (value != null) {
                    labels.computeIfAbsent((long) unit, u -> new HashMap<>()).put("observer " + observer, value - 1);
                }
            }
        }
        Agreement.Report report = Agreement.of(labels, 5);
        assertThat(report.alpha()).isCloseTo(0.743, within(0.0005));
        assertThat(report.reviews()).as("unit 12 has one value and does not count").isEqualTo(11);
        assertThat(report.pairs()).hasSize(6);
    }

    @Test
    void perfectAgreementIsOneAndChanceAgreementNearZero() {
        Map<Long, Map<String, Integer>> same = new HashMap<>();
        for (long id = 0; id < 10; id++) {
            same.put(id, Map.of("ann", (int) (id % 3), "ben", (int) (id % 3)));
        }
        assertThat(Agreement.of(same, 3).alpha()).isCloseTo(1.0, within(1e-12));
        assertThat(Agreement.of(same, 3).pairs().get(0).kappa()).isCloseTo(1.0, within(1e-12));

        // ben's label is ann's turned over on every other review: agreement at chance, kappa 0
        Map<Long, Map<String, Integer>> chance = new HashMap<>();
        for (long id = 0; id < 8; id++) {
            int ann = (int) (id % 2);
            int ben = (id / 2) % 2 == 0 ? ann : 1 - ann;
            chance.put(id, Map.of("ann", ann, "ben", ben));
        }
        assertThat(Agreement.of(chance, 2).pairs().get(0).kappa()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void nothingToSayWithoutReviewsLabeledTwice() {
        Agreement.Report report = Agreement.of(Map.of(1L, Map.of("ann", 0), 2L, Map.of("ben", 1)), 2);
        assertThat(report.pairs()).isEmpty();
        assertThat(report.alpha()).isNaN();
        assertThat(report.reviews()).isZero();
        Map<Long, Map<String, Integer>> labels = Map.of(1L, Map.of("ann", 0, "ben", 1), 2L, Map.of("ann", 1, "ben", 1),
                3L, Map.of("ann", 0, "ben", 1));
        assertThat(AnnotatorLabels.disagreements(labels, java.util.Set.of(3L))).containsOnlyKeys(1L);
    }

    private static long add(Map<Long, Map<String, Integer>> labels, long from, int count, int first, int second) {
        for (int i = 0; i < count; i++) {
            labels.put(from + i, Map.of("first", first, "second", second));
        }
        return from + count;
    }
}
