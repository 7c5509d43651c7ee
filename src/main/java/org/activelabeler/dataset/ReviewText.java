package org.activelabeler.dataset;

import java.util.regex.Pattern;

/**
 * Turns a raw review as found in the IMDB files into the text a person reads and a tokenizer sees:
 * {@code <br />} tags become line breaks, the C1 control characters that stand for Windows-1252
 * punctuation in the source become the characters that were meant, HTML entities become their
 * characters (also AG News's {@code #39;} and {@code  quot;}, whose {@code &} the source lost or
 * turned into a space) and bold or italic tags go.
 */
public final class ReviewText {
    private static final Pattern LINE_BREAK_TAG = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");
    private static final Pattern ENTITY = Pattern.compile("[& ](lt|gt|amp|quot|apos);|&#(\\d{1,5});|(?<!&)#(36|38|39|14[5-9]|15[01]);");
    private static final Pattern EMPHASIS_TAG = Pattern.compile("(?i)</?(b|i|u|em|strong)>");

    private ReviewText() {
    }

    public static String readable(String raw) {
        String text = raw.indexOf(';') < 0 ? raw : ENTITY.matcher(raw).replaceAll(ReviewText::entity);
        text = EMPHASIS_TAG.matcher(LINE_BREAK_TAG.matcher(text).replaceAll("\n")).replaceAll("");
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

    /** The text on one line (runs of white space as one space), cut with an ellipsis past {@code max} characters. */
    public static String oneLine(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "\u2026";
    }

    private static String entity(java.util.regex.MatchResult match) {
        if (match.group(1) != null) {
            return switch (match.group(1)) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                default -> "'";
            };
        }
        int code = Integer.parseInt(match.group(2) != null ? match.group(2) : match.group(3));
        // 128 to 159 stand for Windows-1252 punctuation in these files, as the C1 characters do: readable maps both
        return code == 0 || !Character.isValidCodePoint(code) ? java.util.regex.Matcher.quoteReplacement(match.group())
                : java.util.regex.Matcher.quoteReplacement(new String(Character.toChars(code)));
    }
}
