package org.activelabeler.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.activelabeler.app.Workspace;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.dataset.DatasetOrigin;
import org.activelabeler.dataset.ImportResult;
import org.activelabeler.features.FeatureSettings;
import org.activelabeler.progress.Progress;

/** Imports a file when needed and loads its stored token ids. */
final class Corpora {
    private Corpora() {
    }

    static Corpus load(Workspace workspace, Path file, Progress progress) {
        return load(workspace, file, new ColumnOptions(), progress);
    }

    static Corpus load(Workspace workspace, Path file, ColumnOptions columns, Progress progress) {
        ImportResult imported = workspace.importer().importFile(file, columns.options(DatasetOrigin.EXPERIMENT),
                progress);
        return workspace.datasets().loadCorpus(imported.dataset().id(), progress);
    }

    static Map<String, String> featureParameters(Workspace workspace, FeatureSettings settings) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("tokenizer", workspace.tokenizer().name());
        parameters.put("features", settings.describe());
        return parameters;
    }
}
