package org.activelabeler.dataset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The classes of a dataset: an ordered list of 2 to {@value #MAX} names. A label is a class index
 * into it. The order gives the keys 1 to 9 in the window and the columns of every prediction.
 */
public record LabelSet(List<String> names) {
    public static final int MIN = 2;
    public static final int MAX = 50;
    /** Binary sentiment, in the order the first version of the app used (0 negative, 1 positive). */
    public static final LabelSet SENTIMENT = of("negative", "positive");

    public LabelSet {
        names = List.copyOf(names.stream().map(String::strip).toList());
        if (names.size() < MIN || names.size() > MAX) {
            throw new IllegalArgumentException("A label set has " + MIN + " to " + MAX + " classes, not " + names.size()
                    + (names.size() == 1 ? " ('" + names.get(0) + "'); name at least one more" : ""));
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name.isEmpty()) {
                throw new IllegalArgumentException("A class name is empty; give every class a name");
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("The class '" + name + "' is named twice");
            }
        }
    }

    public static LabelSet of(String... names) {
        return new LabelSet(List.of(names));
    }

    /** A list the person wrote, such as {@code World,Sports,Business,Sci/Tech}, in that order. */
    public static LabelSet declared(String commaSeparated) {
        List<String> names = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                names.add(part.strip());
            }
        }
        return new LabelSet(names);
    }

    /**
     * The classes found in a file, sorted by name: numerically when every name is a whole number (so
     * that 10 comes after 9), else alphabetically, ignoring case.
     */
    public static LabelSet sorted(Collection<String> found) {
        List<String> names = new ArrayList<>(found.stream().map(String::strip).distinct().toList());
        boolean numbers = names.stream().allMatch(n -> n.matches("-?\\d{1,9}"));
        names.sort(numbers ? Comparator.comparingInt(Integer::parseInt)
                : Comparator.comparing((String n) -> n.toLowerCase(Locale.ROOT)).thenComparing(n -> n));
        return new LabelSet(names);
    }

    public int size() {
        return names.size();
    }

    public String name(int index) {
        return names.get(index);
    }

    /**
     * The class a label written in a file means: its name in any case, or for the sentiment set also
     * {@code pos} and {@code neg}; empty when it is none of them.
     */
    public OptionalInt indexOf(String label) {
        String wanted = label.strip();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(wanted)) {
                return OptionalInt.of(i);
            }
        }
        if (equals(SENTIMENT)) {
            switch (wanted.toLowerCase(Locale.ROOT)) {
                case "neg":
                    return OptionalInt.of(0);
                case "pos":
                    return OptionalInt.of(1);
                default:
                    break;
            }
        }
        return OptionalInt.empty();
    }

    /** The set with one more class at the end; the indices of the others stay. */
    public LabelSet with(String name) {
        List<String> more = new ArrayList<>(names);
        more.add(name);
        return new LabelSet(more);
    }

    /** The key that labels class {@code index} in the window: "1" to "9", or null past the ninth. */
    public String key(int index) {
        return index < 9 ? Integer.toString(index + 1) : null;
    }

    /** The names joined by commas, as {@link #declared} reads them. */
    @Override
    public String toString() {
        return String.join(",", names);
    }

    /** For messages: {@code 'negative', 'positive'}. */
    public String quoted() {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }
}
