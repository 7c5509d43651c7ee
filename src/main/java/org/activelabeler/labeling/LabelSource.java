package org.activelabeler.labeling;

/** Who gave a label: a person, or the simulated oracle (the file's own label answering a query). */
public enum LabelSource {
    HUMAN,
    ORACLE
}
