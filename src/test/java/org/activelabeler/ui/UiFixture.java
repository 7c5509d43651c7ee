package org.activelabeler.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.activelabeler.app.Workspace;
import org.activelabeler.dataset.DatasetInfo;
import org.activelabeler.labeling.LabelingSession;
import org.activelabeler.progress.Progress;
import org.activelabeler.testsupport.SyntheticReviews;
import org.activelabeler.ui.labeling.LabelingViewModel;
import org.activelabeler.ui.labeling.OpenedDataset;
import org.activelabeler.ui.labeling.ReviewTexts;

/** A workspace in a temporary folder with a small labeled dataset; the first review has IMDB markup. */
final class UiFixture {
    static final String MARKUP_REVIEW = "I loved it.<br /><br />The \u0093ending\u0094 \u0096 wow\u0085 it\u0092s <b>great</b>";

    private UiFixture() {
    }

    static Path writeCsv(Path file, int reviews) {
        List<SyntheticReviews.Review> rows = new java.util.ArrayList<>();
        rows.add(new SyntheticReviews.Review(MARKUP_REVIEW, "positive"));
        rows.addAll(new SyntheticReviews(7).distinct(reviews - 1));
        return SyntheticReviews.writeCsv(file, rows);
    }

    static DatasetInfo importInto(Workspace workspace, Path file) {
        return workspace.importer().importFile(file, Progress.NONE).dataset();
    }

    static OpenedDataset open(Workspace workspace, long datasetId) {
        var corpus = workspace.datasets().loadCorpus(datasetId, Progress.NONE);
        var labels = workspace.labels();
        return new OpenedDataset(corpus, labels.currentLabels(datasetId), labels.skipped(datasetId),
                labels.queue(datasetId), labels.rounds(datasetId), labels.auditDraws(datasetId));
    }

    static List<Long> upcoming(OpenedDataset opened, int limit) {
        return LabelingSession.order(opened.queue(), opened.corpus().reviewIds(), opened.labels().keySet(),
                opened.skipped(), limit);
    }

    static void writeSettings(Path folder, String text) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(UiSettings.FILE_NAME), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A labeling view model on the dataset, texts read on the calling thread, started at {@code position}. */
    static LabelingViewModel startLabeling(Workspace workspace, long datasetId, Long position) {
        OpenedDataset opened = open(workspace, datasetId);
        LabelingViewModel model = new LabelingViewModel(opened, opened.corpus().reviewIds(), workspace.labels(),
                new ReviewTexts(workspace.datasets(), Runnable::run), "alice");
        model.start(position);
        return model;
    }

    /** The desktop app on {@code folder} as the Monocle tests run it: the real shell, a small real model. */
    static AppShell shell(Path folder, int epochs) {
        return new AppShell(new AppConfig(folder, new org.activelabeler.ui.task.FxTaskExecutor(), Runnable::run,
                features -> new org.activelabeler.training.djl.NgramLogisticClassifier(
                        org.activelabeler.model.ClassifierSettings.builder().optMaxEpochs(epochs).build(), features),
                address -> { }, false, java.util.Map.of()));
    }
}
