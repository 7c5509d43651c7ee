package org.activelabeler.serving;

import java.util.List;

/** Scores raw texts; thread-safe is NOT promised: the server calls it from one thread at a time. */
public interface TextScorer {

    /** The label set, in class-index order, 2..50 names. */
    List<String> classNames();

    /** One probability row per text, {@code classNames().size()} wide. */
    float[][] score(List<String> texts);

    /** What is being served, e.g. {@code 'imdb-classifier' version 3}; shown by {@code /version}. */
    String description();
}
