package org.activelabeler.strategy;

import java.util.List;
import java.util.stream.Collectors;

/** The strategies a user can pick by name. */
public final class QueryStrategies {
    public static final String DEFAULT = "entropy";
    private static final List<QueryStrategy> ALL = List.of(
            new EntropySampling(), new LeastConfidenceSampling(), new MarginSampling(), new DiverseEntropySampling(), new RandomSampling());

    private QueryStrategies() {
    }

    public static List<QueryStrategy> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(QueryStrategy::name).toList();
    }

    public static QueryStrategy named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown strategy '" + name + "'; choose one of "
                        + ALL.stream().map(QueryStrategy::name).collect(Collectors.joining(", "))));
    }
}
