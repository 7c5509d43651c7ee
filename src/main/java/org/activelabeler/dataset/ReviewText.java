package org.activelabeler.dataset;

import java.util.regex.Pattern;

/**
 * Turns a raw review as found in the IMDB files into the text a person reads and a tokenizer sees:
 * {@code <br />} tags become line breaks and the C1 control characters that stand for Windows-1252
 * punctuation in the source become the characters that were meant.
 */
public final class ReviewText {
    private static final Pattern LINE_BREAK_TAG = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

    private ReviewText() {
    }

    public static String readable(String raw) {
        String text = LINE_BREAK_TAG.matcher(raw).replaceAll("\n");
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\u0085' -> out.append('\u2026');
                case '\u0091' -> out.append('\u2018');
                case '\u0092' -> out.append('\u2019');
                case '\u0093' -> out.append('\u201C');
                case '\u0094' -> out.append('\u201D');
                case '\u0095' -> out.append('\u2022');
                case '\u0096' -> out.append('\u2013');
                case '\u0097' -> out.append('\u2014');
                default -> out.append(c);
            }
        }
        return BLANK_LINES.matcher(out.toString().strip()).replaceAll("\n\n");
    }
}
