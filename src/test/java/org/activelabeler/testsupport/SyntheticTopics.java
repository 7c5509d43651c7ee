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
 * A seeded generator of short news-like texts in up to five topics, each with words of its own among
 * shared filler, for tests of label sets beyond two classes.
 */
public final class SyntheticTopics {
    public static final List<String> TOPICS = List.of("Business", "Sci/Tech", "Sports", "World", "Health");
    private static final String[][] WORDS = {
            {"shares", "market", "profit", "bank", "merger", "investors"},
            {"software", "chip", "startup", "network", "robot", "satellite"},
            {"goal", "match", "coach", "league", "striker", "season"},
            {"election", "minister", "vote", "treaty", "border", "summit"},
            {"vaccine", "clinic", "doctors", "virus", "patients", "diet"}};
    private static final String[] FILLER = {"the", "a", "on", "today", "said", "after", "new", "report", "week",
            "officials", "plans", "early", "big", "news"};

    /** One text; {@code topic} is one of {@link #TOPICS}. */
    public record Text(String text, String topic) {
    }

    private final Random random;
    private final int topics;

    public SyntheticTopics(long seed, int topics) {
        if (topics < 2 || topics > TOPICS.size()) {
            throw new IllegalArgumentException("2 to " + TOPICS.size() + " topics");
        }
        this.random = new Random(seed);
        this.topics = topics;
    }

    /** {@code count} texts with pairwise different words, topics in turn. */
    public List<Text> distinct(int count) {
        Set<String> seen = new LinkedHashSet<>();
        List<Text> texts = new ArrayList<>(count);
        while (texts.size() < count) {
            int topic = texts.size() % topics;
            StringBuilder text = new StringBuilder();
            int length = 8 + random.nextInt(8);
            for (int w = 0; w < length; w++) {
                String[] from = w % 3 == 1 || random.nextInt(6) == 0 ? WORDS[topic] : FILLER;
                text.append(w == 0 ? "" : " ").append(from[random.nextInt(from.length)]);
            }
            if (seen.add(text.toString())) {
                texts.add(new Text(text.toString(), TOPICS.get(topic)));
            }
        }
        return texts;
    }

    /** A {@code id,text,label} CSV, every text quoted. */
    public static Path writeCsv(Path file, List<Text> texts) {
        StringBuilder csv = new StringBuilder("id,text,label\n");
        for (int i = 0; i < texts.size(); i++) {
            csv.append("n").append(i).append(",\"").append(texts.get(i).text().replace("\"", "\"\"")).append("\",\"")
                    .append(texts.get(i).topic()).append("\"\n");
        }
        try {
            return Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
