package org.activelabeler.dataset;

import java.time.Instant;

/**
 * An imported file as the store knows it.
 *
 * @param labeled whether the file had labels (its gold labels)
 * @param rowCount records in the file
 * @param reviewCount distinct texts kept
 * @param labels the dataset's classes
 */
public record DatasetInfo(long id, String name, String sourcePath, String contentSha256, boolean labeled,
                          int rowCount, int reviewCount, String tokenizer, String tokenizerSha256,
                          Instant importedAt, DatasetOrigin origin, LabelSet labels) {
}
