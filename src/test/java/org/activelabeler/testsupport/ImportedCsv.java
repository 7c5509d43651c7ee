package org.activelabeler.testsupport;

import java.nio.file.Path;
import org.activelabeler.dataset.DatasetImporter;
import org.activelabeler.dataset.DatasetStore;
import org.activelabeler.dataset.file.TextFiles;
import org.activelabeler.progress.Progress;
import org.activelabeler.text.hf.HuggingFaceTextTokenizer;

/** A test's file imported as the app imports it (the bundled tokenizer, the default options). */
public final class ImportedCsv {
    private ImportedCsv() {
    }

    /** Imports {@code file} into {@code datasets}; returns the new dataset's id. */
    public static long into(DatasetStore datasets, Path file) {
        try (HuggingFaceTextTokenizer tokenizer = HuggingFaceTextTokenizer.bundled()) {
            return new DatasetImporter(datasets, tokenizer, new TextFiles()).importFile(file, Progress.NONE)
                    .dataset().id();
        }
    }
}
