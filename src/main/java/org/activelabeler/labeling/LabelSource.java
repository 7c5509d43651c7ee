package org.activelabeler.labeling;

/**
 * Who gave a label: a person, the simulated oracle (the file's own label answering a query), or a reviewer
 * settling a disagreement between people (that label is the review's current one, and agreement figures
 * leave it out).
 */
public enum LabelSource {
    HUMAN,
    ORACLE,
    REVIEW
}
