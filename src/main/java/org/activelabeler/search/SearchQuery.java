package org.activelabeler.search;

import org.activelabeler.labeling.LabelSource;

/**
 * What to find in a dataset: texts with every word of {@code text} (any case), or a match of it as
 * a regular expression, narrowed by their label and by what the model thinks of them.
 *
 * @param text words, or a regular expression with {@code regex}; blank matches every text
 * @param label {@link #ANY_LABEL}, {@link #UNLABELED}, {@link #LABELED}, or a class index
 * @param annotator only labels given by this annotator (null: anyone)
 * @param source only labels from this source (null: any)
 * @param disagreeing only labeled texts whose label the model's prediction contradicts, surest first
 * @param uncertainFirst the texts the model is least sure about first (highest entropy)
 * @param newestFirst the newest labels first (the history of the current labels)
 */
public record SearchQuery(String text, boolean regex, int label, String annotator, LabelSource source,
                          boolean disagreeing, boolean uncertainFirst, boolean newestFirst) {
    public static final int ANY_LABEL = -3;
    public static final int UNLABELED = -2;
    public static final int LABELED = -1;

    /** Every text, in file order. */
    public static SearchQuery all() {
        return new SearchQuery("", false, ANY_LABEL, null, null, false, false, false);
    }
}
