package org.activelabeler.training.djl.bert;

/** Comparisons of embedding vectors, for tests and benchmarks. */
final class VectorMath {
    private VectorMath() {
    }

    static float maxAbsDifference(float[] a, float[] b) {
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    static double norm(float[] a) {
        double sum = 0;
        for (float v : a) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum);
    }
}
