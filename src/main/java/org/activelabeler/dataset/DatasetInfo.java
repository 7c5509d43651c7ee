package org.activelabeler.dataset;

import java.time.Instant;

/**
 * An imported file as the store knows it.
 *
 * @param rowCount records in the file
 * @param reviewCount distinct review texts kept
 */
public record DatasetInfo(long id, String name, String sourcePath, String contentSha256, boolean labeled,
                          int rowCount, int reviewCount, String tokenizer, String tokenizerSha256,
                          Instant importedAt, DatasetOrigin origin) {
}
