package org.activelabeler.training.djl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.activelabeler.model.ClassifierSettings;

/** Indices of the labels used for fitting and of those held back for early stopping. */
record LabelSplit(int[] train, int[] validation) {

    /** Holds back {@code validationFraction} of each class, or nothing when there are too few labels. */
    static LabelSplit stratified(int[] labels, int classes, ClassifierSettings settings) {
        if (labels.length < settings.minLabelsForValidation() || settings.validationFraction() <= 0) {
            return all(labels.length);
        }
        Random random = new Random(settings.seed());
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (int label = 0; label < classes; label++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == label) {
                    members.add(i);
                }
            }
            Collections.shuffle(members, random);
            int held = (int) Math.round(members.size() * settings.validationFraction());
            validation.addAll(members.subList(0, held));
            train.addAll(members.subList(held, members.size()));
        }
        Collections.sort(train);
        Collections.sort(validation);
        return new LabelSplit(toArray(train), toArray(validation));
    }

    /** Every label trains; none is held back. */
    static LabelSplit all(int labelCount) {
        return new LabelSplit(range(labelCount), new int[0]);
    }

    /** Weights that give every class present the same total weight among {@code members}. */
    static float[] balancedClassWeights(int[] labels, int[] members, int classes) {
        int[] counts = new int[classes];
        for (int i : members) {
            counts[labels[i]]++;
        }
        float[] weights = new float[classes];
        for (int c = 0; c < classes; c++) {
            weights[c] = counts[c] == 0 ? 1f : members.length / ((float) classes * counts[c]);
        }
        return weights;
    }

    private static int[] range(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
