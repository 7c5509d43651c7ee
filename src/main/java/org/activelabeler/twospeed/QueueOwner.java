package org.activelabeler.twospeed;

/** Which model's ranking decides the next reviews. */
public enum QueueOwner {
    FAST("fast model"),
    TRANSFORMER("transformer"),
    /** The mean of both models' p(positive). */
    ENSEMBLE("fast model + transformer");

    private final String label;

    QueueOwner(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
