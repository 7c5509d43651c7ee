package org.activelabeler.labeling;

/** A dataset's turn to retrain, held by one process at a time; closing it lets the next one in. */
public interface RoundTurn extends AutoCloseable {
    @Override
    void close();
}
