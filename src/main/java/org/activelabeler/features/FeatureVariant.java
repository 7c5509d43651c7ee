package org.activelabeler.features;

import java.util.ArrayList;
import java.util.List;

/**
 * One feature space the fast model may fit on besides the blocks it was given: the embeddings block at
 * a weight, with or without the text's blocks before it. {@code simulate} and the window try the same
 * ones ({@link org.activelabeler.round.FeatureChoice}).
 *
 * @param name for people and provenance, e.g. {@code tfidf,lsa,embeddings@1.0}
 */
public record FeatureVariant(String name, boolean withText, float weight) {

    /** The rows of this space, from the text's rows and each text's sentence vector. */
    public FeatureMatrix rows(FeatureMatrix text, float[][] vectors) {
        return layout().rows(text, vectors);
    }

    /**
     * The same rows as {@link #rows(FeatureMatrix, float[][])}, as a view of {@code allBlocks} (the text's rows
     * with the vectors at {@code allBlocksWeight} after them) that shares its arrays, so that the variants of a
     * pool cost no memory of their own; built afresh when that weight is 0.
     */
    public FeatureMatrix rows(FeatureMatrix text, float[][] vectors, FeatureMatrix allBlocks, float allBlocksWeight) {
        if (allBlocksWeight == 0f || vectors.length == 0) {
            return rows(text, vectors);
        }
        int to = allBlocks.denseWidth();
        int from = to - vectors[0].length;
        FeatureMatrix scaled = weight == allBlocksWeight ? allBlocks
                : allBlocks.withDenseColumnsScaled(from, to, weight / allBlocksWeight);
        return withText ? scaled : scaled.denseColumnsOnly(from, to);
    }

    public FeatureLayout layout() {
        return FeatureLayout.named(name, weight);
    }

    /**
     * What is tried beside {@code blocks} at {@code weight}: the same blocks at
     * {@link FeatureBlocks#LOW_EMBEDDING_WEIGHT}, and the embeddings alone at both weights; none unless
     * the blocks hold the text's and the embeddings.
     */
    public static List<FeatureVariant> alternatives(FeatureBlocks blocks, float weight) {
        if (!blocks.tfidf() || !blocks.embeddings()) {
            return List.of();
        }
        float low = FeatureBlocks.LOW_EMBEDDING_WEIGHT;
        String alone = FeatureBlocks.EMBEDDINGS_ONLY.toString();
        List<FeatureVariant> variants = new ArrayList<>();
        if (weight != low) {
            variants.add(new FeatureVariant(blocks + "@" + low, true, low));
        }
        variants.add(new FeatureVariant(alone, false, weight));
        if (weight != low) {
            variants.add(new FeatureVariant(alone + "@" + low, false, low));
        }
        return List.copyOf(variants);
    }
}
