package org.activelabeler.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.dataset.DatasetInfo;
import org.activelabeler.dataset.ExportFormat;
import org.activelabeler.dataset.file.ExportFiles;
import org.activelabeler.labeling.LabelExport;
import org.activelabeler.model.ClassifierSettings;
import org.activelabeler.model.Predictions;
import org.activelabeler.progress.Progress;
import org.activelabeler.round.CurrentModel;
import org.activelabeler.training.djl.NgramLogisticClassifier;

/**
 * Exports a dataset's labels; the one implementation behind {@code export} and the window's
 * <i>Export labels...</i>.
 */
public final class LabelExports {
    private LabelExports() {
    }

    /**
     * @param predictions every text, with the class probabilities of a model trained now on the current labels
     * @param allEvents every label event instead of the current labels
     */
    public record Request(DatasetInfo dataset, ExportFormat format, boolean predictions, boolean allEvents) {
    }

    /** Writes to a file, whole or not at all; returns the rows written. */
    public static int write(Workspace workspace, Request request, Path file, Progress progress) {
        Prepared prepared = prepare(workspace, request, progress);
        ExportFiles.write(file, prepared.content());
        return prepared.rows();
    }

    /** Writes to a stream (standard output, say); returns the rows written. */
    public static int write(Workspace workspace, Request request, OutputStream out, Progress progress) {
        Prepared prepared = prepare(workspace, request, progress);
        try {
            prepared.content().writeTo(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the export: " + e.getMessage(), e);
        }
        return prepared.rows();
    }

    private record Prepared(ExportFiles.Content content, int rows) {
    }

    private static Prepared prepare(Workspace workspace, Request request, Progress progress) {
        long id = request.dataset().id();
        Corpus corpus = workspace.datasets().loadCorpus(id, progress);
        List<String> texts = workspace.datasets().reviewTexts(id, progress);
        Map<Long, String> sourceIds = workspace.datasets().sourceIds(id);
        if (request.allEvents()) {
            List<LabelExport.EventRow> rows = LabelExport.events(corpus, texts, sourceIds,
                    workspace.labels().events(id));
            return new Prepared(ExportFiles.events(request.format(), rows), rows.size());
        }
        Predictions predictions = request.predictions() ? CurrentModel.predictions(corpus,
                workspace.labels().currentLabels(id), workspace.tokenizer().name(),
                features -> new NgramLogisticClassifier(ClassifierSettings.builder().build(), features), progress)
                : null;
        List<LabelExport.Row> rows = LabelExport.current(corpus, texts, sourceIds,
                workspace.labels().currentEvents(id), predictions);
        return new Prepared(ExportFiles.labels(request.format(), corpus.dataset().labels(), rows,
                request.predictions()), rows.size());
    }
}
