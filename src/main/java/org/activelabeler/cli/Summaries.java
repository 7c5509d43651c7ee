package org.activelabeler.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.activelabeler.dataset.DatasetInfo;
import org.activelabeler.dataset.ImportResult;

/** One-line reports the commands print. */
final class Summaries {
    private Summaries() {
    }

    static String of(ImportResult result, Path folder) {
        DatasetInfo d = result.dataset();
        if (result.alreadyImported()) {
            return String.format(Locale.ROOT, "%s was already imported as dataset %d '%s' (%d reviews); nothing changed.",
                    d.sourcePath(), d.id(), d.name(), d.reviewCount());
        }
        return String.format(Locale.ROOT, "Imported %d records as dataset %d '%s': %d distinct reviews%s, %s, in %.1f s"
                        + " (%s)%s.",
                d.rowCount(), d.id(), d.name(), d.reviewCount(),
                result.duplicateRecords() > 0 ? " (" + result.duplicateRecords() + " repeated texts merged)" : "",
                d.labeled() ? "with gold labels" : "unlabeled", result.millis() / 1000.0, folder,
                result.conflictingLabels() > 0 ? "; " + result.conflictingLabels()
                        + " repeated texts had disagreeing labels, the first was kept" : "");
    }

    static String of(DatasetInfo d) {
        return String.format(Locale.ROOT, "%4d  %-28s %7d reviews  %-9s  %s  %s", d.id(), d.name(), d.reviewCount(),
                d.labeled() ? "labeled" : "unlabeled", d.importedAt(), d.sourcePath());
    }
}
