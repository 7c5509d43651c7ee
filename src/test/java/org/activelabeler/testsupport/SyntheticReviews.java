package org.activelabeler.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Tiny seeded generator of movie reviews: positive ones use words like great/wonderful/loved,
 * negative ones awful/boring/hated, both padded with neutral filler words.
 */
public final class SyntheticReviews {
    private static final String[] POSITIVE = {"great", "wonderful", "loved", "brilliant", "superb", "moving"};
    private static final String[] NEGATIVE = {"awful", "boring", "hated", "terrible", "dull", "pointless"};
    private static final String[] FILLER = {"the", "movie", "film", "plot", "actors", "story", "was", "and", "a",
            "scene", "ending", "music", "director", "camera", "cast", "script", "about", "with"};

    /** One review; {@code sentiment} is {@code positive} or {@code negative}. */
    public record Review(String text, String sentiment) {
        public boolean positive() {
            return sentiment.equals("positive");
        }
    }

    private final Random random;

    public SyntheticReviews(long seed) {
        this.random = new Random(seed);
    }

    public Review next() {
        boolean positive = random.nextBoolean();
        String[] opinion = positive ? POSITIVE : NEGATIVE;
        int length = 8 + random.nextInt(10);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                text.append(' ');
            }
            boolean opinionWord = i % 4 == 1 || random.nextInt(5) == 0;
            text.append((opinionWord ? opinion : FILLER)[random.nextInt((opinionWord ? opinion : FILLER).length)]);
        }
        return new Review(text.toString(), positive ? "positive" : "negative");
    }

    /** {@code count} reviews with pairwise different texts. */
    public List<Review> distinct(int count) {
        Set<String> seen = new LinkedHashSet<>();
        List<Review> reviews = new ArrayList<>(count);
        while (reviews.size() < count) {
            Review review = next();
            if (seen.add(review.text())) {
                reviews.add(review);
            }
        }
        return reviews;
    }

    /** A labeled CSV in the Kaggle IMDB layout, every review quoted, LF line ends. */
    public static String toCsv(List<Review> reviews) {
        StringBuilder csv = new StringBuilder("review,sentiment\n");
        for (Review review : reviews) {
            csv.append('"').append(review.text().replace("\"", "\"\"")).append("\",").append(review.sentiment())
                    .append('\n');
        }
        return csv.toString();
    }

    public static Path writeCsv(Path file, List<Review> reviews) {
        try {
            return Files.writeString(file, toCsv(reviews), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
