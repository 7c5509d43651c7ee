package org.activelabeler.text;

import java.util.List;

/** Turns review texts into token ids. {@link #encode} may be called from several threads at once. */
public interface TextTokenizer extends AutoCloseable {

    /** A short name recorded with every model, for example {@code bert-base-uncased-wordpiece}. */
    String name();

    /** A digest of the tokenizer definition, so that stored token ids can be checked against it. */
    String digest();

    /** The bytes that define it (a HuggingFace {@code tokenizer.json}), to save it with a model. */
    byte[] definition();

    /** Token ids for each text, without special tokens, truncation or padding. */
    int[][] encode(List<String> texts);

    /** The token ids of one text, as {@link #encode} gives them, with where each token sits in the text. */
    TokenSpans spans(String text);

    @Override
    void close();
}
