package org.activelabeler.dataset;

import java.util.Locale;
import java.util.Optional;

/** The two classes of a review. The ordinal is the class index used by models. */
public enum Sentiment {
    NEGATIVE("negative"),
    POSITIVE("positive");

    private final String label;

    Sentiment(String label) {
        this.label = label;
    }

    /** The word used in CSV files and reports. */
    public String label() {
        return label;
    }

    public int index() {
        return ordinal();
    }

    public static Sentiment ofIndex(int index) {
        return values()[index];
    }

    /** Parses {@code positive}/{@code negative} (also {@code pos}/{@code neg}, any case). */
    public static Optional<Sentiment> parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "positive":
            case "pos":
                return Optional.of(POSITIVE);
            case "negative":
            case "neg":
                return Optional.of(NEGATIVE);
            default:
                return Optional.empty();
        }
    }
}
