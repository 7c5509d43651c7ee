package org.activelabeler.text;

/**
 * The token ids of one text with where each token sits in it: token {@code i} is the characters
 * {@code [starts[i], ends[i])} of the text (Java chars).
 */
public record TokenSpans(int[] ids, int[] starts, int[] ends) {

    public TokenSpans {
        if (ids.length != starts.length || ids.length != ends.length) {
            throw new IllegalArgumentException("Need a start and an end for each of the " + ids.length + " tokens");
        }
    }

    public int size() {
        return ids.length;
    }
}
