package org.activelabeler.dataset;

import java.nio.file.Path;
import java.util.List;

/**
 * A parsed data file.
 *
 * @param path where it was read from
 * @param sha256 hex digest of the decompressed content, which identifies the file on re-import
 * @param labeled whether the file has a sentiment column
 * @param rows the records in file order
 */
public record SourceFile(Path path, String sha256, boolean labeled, List<SourceRow> rows) {
}
