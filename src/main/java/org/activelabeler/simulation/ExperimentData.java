package org.activelabeler.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.dataset.LabelSet;
import org.activelabeler.features.FeatureBlocks;
import org.activelabeler.features.FeatureLayout;
import org.activelabeler.features.FeatureMatrix;
import org.activelabeler.features.FeaturePipeline;
import org.activelabeler.features.FeatureSettings;
import org.activelabeler.features.FeatureVariant;

/**
 * The pool and holdout of an experiment as feature rows. Document frequencies are learned from the
 * pool's text alone. Without a holdout file, a seeded random share of the pool is held out and never
 * queried. {@code poolSource[row]} and {@code holdoutSource[row]} give each row's index in the
 * corpus it came from (the pool's corpus for a carved-out holdout), to find its text.
 * {@code poolVectors} are the pool rows' sentence vectors when the features include embeddings, else null.
 * With the text's blocks and embeddings, {@code alternatives} are the same rows with the embeddings at
 * {@link FeatureBlocks#LOW_EMBEDDING_WEIGHT}, and with the embeddings alone at both weights, for the
 * choice inside the labels ({@link org.activelabeler.round.FeatureChoice}); else empty.
 */
public record ExperimentData(LabeledRows pool, LabeledRows holdout, FeaturePipeline pipeline, int[] poolSource,
                             int[] holdoutSource, LabelSet labels, float[][] poolVectors,
                             List<FeatureSpace> alternatives) {
    public static final double CARVED_HOLDOUT_SHARE = 0.1;
    public static final int CARVED_HOLDOUT_MAX = 5000;

    /**
     * @param holdout a labeled file to measure on, or null to hold out a share of the pool; its
     *     classes are matched to the pool's by name
     */
    public static ExperimentData of(Corpus pool, Corpus holdout, FeatureSettings settings, long seed) {
        return of(pool, holdout, settings, FeatureBlocks.TEXT, null, null, 0f, seed);
    }

    /**
     * As {@link #of(Corpus, Corpus, FeatureSettings, long)} with the chosen feature blocks.
     *
     * @param poolVectors each pool text's sentence vector, in corpus order, when the blocks include embeddings
     * @param holdoutVectors the same for the holdout file's texts (null without one)
     * @param embeddingWeight the embedding block's scale (see {@link FeatureBlocks#EMBEDDING_WEIGHT})
     */
    public static ExperimentData of(Corpus pool, Corpus holdout, FeatureSettings settings, FeatureBlocks blocks,
                                    float[][] poolVectors, float[][] holdoutVectors, float embeddingWeight,
                                    long seed) {
        ExperimentData text = ofText(pool, holdout, blocks.textSettings(settings), seed);
        if (!blocks.embeddings()) {
            return text;
        }
        float[][] queryVectors = pick(poolVectors, text.poolSource());
        float[][] heldVectors = pick(holdout == null ? poolVectors : holdoutVectors, text.holdoutSource());
        FeatureMatrix poolRows = withVectors(blocks, text.pool().features(), queryVectors, embeddingWeight);
        FeatureMatrix heldRows = withVectors(blocks, text.holdout().features(), heldVectors, embeddingWeight);
        List<FeatureSpace> alternatives = FeatureVariant.alternatives(blocks, embeddingWeight).stream()
                .map(variant -> new FeatureSpace(variant.name(),
                        new LabeledRows(variant.rows(text.pool().features(), queryVectors, poolRows, embeddingWeight),
                                text.pool().gold()),
                        new LabeledRows(variant.rows(text.holdout().features(), heldVectors, heldRows, embeddingWeight),
                                text.holdout().gold())))
                .toList();
        return new ExperimentData(new LabeledRows(poolRows, text.pool().gold()),
                new LabeledRows(heldRows, text.holdout().gold()), text.pipeline(), text.poolSource(),
                text.holdoutSource(), text.labels(), queryVectors, alternatives);
    }

    /** The feature spaces the fast model may fit on, the chosen blocks first. */
    public List<FeatureSpace> spaces(FeatureBlocks blocks) {
        List<FeatureSpace> spaces = new ArrayList<>();
        spaces.add(new FeatureSpace(blocks.toString(), pool, holdout));
        spaces.addAll(alternatives);
        return List.copyOf(spaces);
    }

    private static FeatureMatrix withVectors(FeatureBlocks blocks, FeatureMatrix text, float[][] vectors, float weight) {
        return new FeatureLayout(blocks, weight).rows(text, vectors);
    }

    private static float[][] pick(float[][] vectors, int[] rows) {
        if (vectors == null) {
            throw new IllegalArgumentException("The embeddings block needs a vector for every text");
        }
        float[][] picked = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = vectors[rows[i]];
        }
        return picked;
    }

    private static ExperimentData ofText(Corpus pool, Corpus holdout, FeatureSettings settings, long seed) {
        requireGold(pool);
        LabelSet labels = pool.dataset().labels();
        if (holdout != null) {
            requireGold(holdout);
            int[] holdoutGold = inClassesOf(holdout, labels);
            FeaturePipeline.Fitted fitted = FeaturePipeline.fit(pool.tokenIds(), settings);
            return new ExperimentData(new LabeledRows(fitted.rows(), pool.gold()),
                    new LabeledRows(fitted.pipeline().transform(holdout.tokenIds()), holdoutGold), fitted.pipeline(),
                    identity(pool.size()), identity(holdout.size()), labels, null, List.of());
        }
        boolean[] heldOut = carveOut(pool.size(), seed);
        List<int[]> queryTokens = new ArrayList<>();
        List<int[]> heldTokens = new ArrayList<>();
        List<Integer> queryGold = new ArrayList<>();
        List<Integer> heldGold = new ArrayList<>();
        List<Integer> querySource = new ArrayList<>();
        List<Integer> heldSource = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            (heldOut[i] ? heldTokens : queryTokens).add(pool.tokenIds()[i]);
            (heldOut[i] ? heldGold : queryGold).add(pool.gold()[i]);
            (heldOut[i] ? heldSource : querySource).add(i);
        }
        FeaturePipeline.Fitted fitted = FeaturePipeline.fit(queryTokens.toArray(int[][]::new), settings);
        return new ExperimentData(new LabeledRows(fitted.rows(), toArray(queryGold)),
                new LabeledRows(fitted.pipeline().transform(heldTokens.toArray(int[][]::new)), toArray(heldGold)),
                fitted.pipeline(), toArray(querySource), toArray(heldSource), labels, null, List.of());
    }

    /**
     * The gold labels of a corpus as classes of another label set (a model's, a pool's), matched by
     * name; -1 stays -1.
     *
     * @throws IllegalArgumentException when the corpus has a class the label set lacks
     */
    public static int[] inClassesOf(Corpus corpus, LabelSet labels) {
        LabelSet theirs = corpus.dataset().labels();
        if (theirs.equals(labels)) {
            return corpus.gold();
        }
        int[] map = new int[theirs.size()];
        for (int c = 0; c < theirs.size(); c++) {
            java.util.OptionalInt mine = labels.indexOf(theirs.name(c));
            if (mine.isEmpty()) {
                throw new IllegalArgumentException(corpus.dataset().sourcePath() + " has the class '" + theirs.name(c)
                        + "', which the model does not know (its classes: " + labels.quoted()
                        + "); it must use the classes the model was trained on");
            }
            map[c] = mine.getAsInt();
        }
        return java.util.Arrays.stream(corpus.gold()).map(g -> g < 0 ? -1 : map[g]).toArray();
    }

    private static boolean[] carveOut(int size, long seed) {
        int count = Math.min(CARVED_HOLDOUT_MAX, (int) Math.round(size * CARVED_HOLDOUT_SHARE));
        if (count < 2 || size - count < 2) {
            throw new IllegalArgumentException("The pool has only " + size + " reviews: too few to hold some out;"
                    + " give a --holdout file");
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        boolean[] held = new boolean[size];
        int chosen = 0;
        while (chosen < count) {
            int i = random.nextInt(size);
            if (!held[i]) {
                held[i] = true;
                chosen++;
            }
        }
        return held;
    }

    private static void requireGold(Corpus corpus) {
        if (!corpus.fullyLabeled()) {
            throw new IllegalArgumentException(corpus.dataset().sourcePath() + " has texts without a label;"
                    + " the simulated oracle needs a file with a label column filled for every text");
        }
    }

    private static int[] identity(int size) {
        return java.util.stream.IntStream.range(0, size).toArray();
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
