package org.activelabeler.round;

import java.util.List;
import java.util.Map;
import org.activelabeler.progress.Progress;

/** Where the embeddings block's sentence vectors come from: kept vectors, embedding what is missing. */
public interface VectorSource {
    /** The encoder, for people: {@code BAAI/bge-small-en-v1.5}. */
    String name();

    /**
     * The vector of every text, in order; may take an hour for a large dataset the first time.
     *
     * @throws org.activelabeler.progress.CancelledException when cancelled; the work done is kept
     */
    float[][] vectors(List<String> texts, Progress progress);

    /** What to record with a model trained on them (encoder, digest, token budget). */
    Map<String, String> parameters();
}
