package org.activelabeler.dataset;

import java.util.List;

/** Everything an import writes, in one piece, so that the store can write it in one transaction. */
public record NewDataset(String name, String sourcePath, String contentSha256, boolean labeled, int rowCount,
                         String tokenizer, String tokenizerSha256, DatasetOrigin origin, LabelSet labels,
                         List<UniqueReview> reviews) {
}
