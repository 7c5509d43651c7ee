package org.activelabeler.dataset;

/**
 * @param dataset the stored dataset
 * @param alreadyImported true when the same content was imported before and nothing changed
 * @param duplicateRecords records whose text repeated an earlier record
 * @param conflictingLabels repeated texts whose labels disagreed; the first label was kept
 * @param millis wall time of the import
 */
public record ImportResult(DatasetInfo dataset, boolean alreadyImported, int duplicateRecords,
                           int conflictingLabels, long millis) {
}
