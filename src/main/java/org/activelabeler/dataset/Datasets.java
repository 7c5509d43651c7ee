package org.activelabeler.dataset;

import java.util.List;
import java.util.stream.Collectors;

/** Finds the dataset a person means by its id or its name. */
public final class Datasets {
    private Datasets() {
    }

    /**
     * @param reference an id, or a name that exactly one dataset has
     * @throws IllegalArgumentException naming what is there when nothing, or more than one, matches
     */
    public static DatasetInfo find(List<DatasetInfo> datasets, String reference) {
        String wanted = reference.strip();
        if (wanted.matches("\\d+")) {
            long id = Long.parseLong(wanted);
            for (DatasetInfo d : datasets) {
                if (d.id() == id) {
                    return d;
                }
            }
        }
        List<DatasetInfo> named = datasets.stream().filter(d -> d.name().equals(wanted)).toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.size() > 1) {
            throw new IllegalArgumentException(named.size() + " datasets are named '" + wanted + "' (ids "
                    + named.stream().map(d -> Long.toString(d.id())).collect(Collectors.joining(", "))
                    + "); give the id instead");
        }
        throw new IllegalArgumentException("No dataset '" + wanted + "'" + (datasets.isEmpty() ? ""
                : "; there are: " + datasets.stream().map(d -> d.id() + " '" + d.name() + "'")
                .collect(Collectors.joining(", "))));
    }
}
