package org.activelabeler.ui.welcome;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.activelabeler.dataset.DatasetImporter;
import org.activelabeler.dataset.DatasetInfo;
import org.activelabeler.dataset.ImportOptions;
import org.activelabeler.dataset.ImportResult;
import org.activelabeler.dataset.TextReader;
import org.activelabeler.progress.CancelledException;
import org.activelabeler.ui.ErrorMessages;
import org.activelabeler.ui.task.TaskExecutor;
import org.activelabeler.ui.task.TaskHandle;
import org.activelabeler.ui.task.TaskStatus;

/**
 * The first screen: import a file (previewed, its columns and classes chosen, then read with
 * progress and cancel) or open a dataset imported before.
 */
public final class WelcomeViewModel {
    private final TaskExecutor executor;
    private final Supplier<DatasetImporter> importer;
    private final Function<Path, TextReader.Preview> preview;
    private final Consumer<DatasetInfo> open;
    private final LongConsumer delete;
    private final ObservableList<DatasetInfo> datasets = FXCollections.observableArrayList();
    private final BooleanProperty importing = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private TaskHandle handle;

    /**
     * @param open what happens once a dataset is imported or chosen
     * @param delete deletes a dataset by id, with its labels (run in the background)
     */
    public WelcomeViewModel(TaskExecutor executor, Supplier<DatasetImporter> importer,
                            Function<Path, TextReader.Preview> preview, List<DatasetInfo> known,
                            Consumer<DatasetInfo> open, LongConsumer delete) {
        this.executor = executor;
        this.importer = importer;
        this.preview = preview;
        this.open = open;
        this.delete = delete;
        datasets.setAll(known);
    }

    /** Deletes a dataset with its reviews, labels, rounds and queue; the caller has asked the person first. */
    public void delete(DatasetInfo dataset) {
        if (importing.get() || dataset == null) {
            return;
        }
        executor.submit("Deleting " + dataset.name(), progress -> {
            delete.accept(dataset.id());
            return dataset;
        }, deleted -> {
            datasets.remove(deleted);
            message.set("Deleted " + deleted.name() + ".");
        }, error -> message.set(ErrorMessages.describe(error)));
    }

    /** The first rows of a file and the columns found in it, for the import dialog; empty (and says why) when unreadable. */
    public Optional<ImportChoices> choices(Path file) {
        try {
            return Optional.of(new ImportChoices(file, preview.apply(file)));
        } catch (RuntimeException e) {
            message.set(ErrorMessages.describe(e));
            return Optional.empty();
        }
    }

    /** Imports with the columns and classes found in the file. */
    public void importFile(Path file) {
        importFile(file, ImportOptions.DEFAULT);
    }

    public void importFile(Path file, ImportOptions options) {
        if (importing.get()) {
            return;
        }
        importing.set(true);
        message.set("Importing " + file.getFileName() + "...");
        handle = executor.submit("Importing " + file.getFileName(),
                progress -> importer.get().importFile(file, options, progress), this::imported, this::failed);
    }

    public void cancel() {
        if (handle != null) {
            handle.cancel();
        }
    }

    public void open(DatasetInfo dataset) {
        if (!importing.get() && dataset != null) {
            open.accept(dataset);
        }
    }

    private void imported(ImportResult result) {
        handle = null;
        importing.set(false);
        message.set(result.alreadyImported() ? "This file was imported before; opening it."
                : "Imported " + result.dataset().reviewCount() + " texts.");
        open.accept(result.dataset());
    }

    private void failed(Throwable error) {
        handle = null;
        importing.set(false);
        message.set(error instanceof CancelledException ? "Import cancelled; nothing was changed."
                : ErrorMessages.describe(error));
    }

    public ObservableList<DatasetInfo> datasets() {
        return datasets;
    }

    public ReadOnlyBooleanProperty importingProperty() {
        return importing;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public TaskStatus status() {
        return executor.status();
    }
}
