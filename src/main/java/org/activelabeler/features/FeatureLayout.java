package org.activelabeler.features;

/**
 * Which blocks a fitted fast model reads and at what scale the embeddings sit beside the text's
 * blocks: what turns a text's rows and its sentence vector into the row the model was trained on.
 *
 * @param embeddingWeight the embeddings block's scale; ignored without the embeddings
 */
public record FeatureLayout(FeatureBlocks blocks, float embeddingWeight) {
    public static final FeatureLayout TEXT = new FeatureLayout(FeatureBlocks.TEXT, 0f);

    /**
     * The layout of a feature space by its name, as the choice inside the labels names it
     * ({@code tfidf,lsa,embeddings}, {@code embeddings@1.0}, see {@link FeatureVariant}).
     *
     * @param defaultWeight the weight of a name without {@code @}
     */
    public static FeatureLayout named(String name, float defaultWeight) {
        int at = name.indexOf('@');
        FeatureBlocks blocks = FeatureBlocks.parse(at < 0 ? name : name.substring(0, at));
        float weight = at < 0 ? defaultWeight : Float.parseFloat(name.substring(at + 1));
        return new FeatureLayout(blocks, blocks.embeddings() ? weight : 0f);
    }

    /**
     * The model's rows.
     *
     * @param text the text's rows (TF-IDF, LSA), ignored when the layout has neither
     * @param vectors each row's sentence vector, or null when the layout has no embeddings
     */
    public FeatureMatrix rows(FeatureMatrix text, float[][] vectors) {
        if (!blocks.embeddings()) {
            return text;
        }
        FeatureMatrix start = blocks.tfidf() ? text : FeatureMatrix.empty(vectors.length);
        return start.withDenseRows(vectors, embeddingWeight);
    }

    /** {@code tfidf,lsa,embeddings@4.0}, parsed back by {@link #named}. */
    @Override
    public String toString() {
        return blocks.embeddings() ? blocks + "@" + embeddingWeight : blocks.toString();
    }
}
