package org.activelabeler.stopping;

/** Cohen's kappa: agreement between two labelings of the same items beyond what chance gives. */
public final class CohenKappa {
    private CohenKappa() {
    }

    /**
     * @param a the first labeling's class of each item
     * @param b the second's, in the same order
     * @return kappa in [-1, 1]; 1 when both are the same constant labeling (no disagreement to explain)
     */
    public static double of(int[] a, int[] b, int classes) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("Need two labelings of the same items, got " + a.length + " and "
                    + b.length);
        }
        long[] countA = new long[classes];
        long[] countB = new long[classes];
        long agree = 0;
        for (int i = 0; i < a.length; i++) {
            countA[a[i]]++;
            countB[b[i]]++;
            if (a[i] == b[i]) {
                agree++;
            }
        }
        double n = a.length;
        double observed = agree / n;
        double chance = 0;
        for (int c = 0; c < classes; c++) {
            chance += (countA[c] / n) * (countB[c] / n);
        }
        if (chance >= 1) {
            return observed >= 1 ? 1 : 0;
        }
        return (observed - chance) / (1 - chance);
    }
}
