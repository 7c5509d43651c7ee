package org.activelabeler.dataset;

import java.util.List;
import java.util.Optional;
import org.activelabeler.progress.Progress;

/** Where imported datasets live. Implementations write each dataset whole or not at all. */
public interface DatasetStore {

    Optional<DatasetInfo> findByContent(String contentSha256);

    Optional<DatasetInfo> find(long datasetId);

    /** All datasets, the most recently imported first. */
    List<DatasetInfo> list();

    /**
     * Stores a dataset and its reviews in one transaction, durable when this returns; on any
     * failure nothing is kept.
     */
    DatasetInfo save(NewDataset dataset, Progress progress);

    /** Marks a dataset that an experiment read as one imported to be labeled. */
    DatasetInfo markImported(long datasetId);

    /** Adds a class at the end of a dataset's label set; every label keeps its class. */
    DatasetInfo addClass(long datasetId, String name);

    /** The id each review had in its file's id column, by review id; reviews without one are left out. */
    java.util.Map<Long, String> sourceIds(long datasetId);

    /** Deletes a dataset with its reviews, labels, rounds and queue, in one transaction. */
    void delete(long datasetId);

    /** Reads the token ids and gold labels of every review of a dataset. */
    Corpus loadCorpus(long datasetId, Progress progress);

    /**
     * The ids and gold labels of every review of a dataset, in the order of {@link #loadCorpus}, without
     * the token ids (null): what the window needs to show the first text.
     */
    Corpus loadIndex(long datasetId, Progress progress);

    /** The stored text of every review of a dataset, in the order of {@link #loadCorpus}. */
    List<String> reviewTexts(long datasetId, Progress progress);

    /** The text of one review as stored. */
    String reviewText(long reviewId);
}
