package org.activelabeler.app;

import java.nio.file.Path;
import org.activelabeler.dataset.DatasetImporter;
import org.activelabeler.dataset.DatasetStore;
import org.activelabeler.dataset.file.TextFiles;
import org.activelabeler.labeling.LabelStore;
import org.activelabeler.store.h2.H2Database;
import org.activelabeler.store.h2.H2DatasetStore;
import org.activelabeler.store.h2.H2LabelStore;
import org.activelabeler.store.h2.H2TrackingOutbox;
import org.activelabeler.text.TextTokenizer;
import org.activelabeler.text.hf.HuggingFaceTextTokenizer;
import org.activelabeler.tracking.TrackingOutbox;

/** Wires the adapters together at start-up: one database, one tokenizer, the stores over them. */
public final class Workspace implements AutoCloseable {
    private final H2Database database;
    private final TextTokenizer tokenizer;
    private final DatasetStore datasets;
    private final LabelStore labels;
    private final TrackingOutbox trackingOutbox;

    private Workspace(H2Database database, TextTokenizer tokenizer) {
        this.database = database;
        this.tokenizer = tokenizer;
        this.datasets = new H2DatasetStore(database);
        this.labels = new H2LabelStore(database);
        this.trackingOutbox = new H2TrackingOutbox(database);
    }

    /** Opens the database in {@code folder}, or in the per-user data folder when it is null; creates it if needed. */
    public static Workspace open(Path folder) {
        return wire(H2Database.open(folder != null ? folder : DataFolder.resolve()));
    }

    /** Opens the database in {@code folder} only if it exists; creates nothing. */
    public static Workspace openExisting(Path folder) {
        return wire(H2Database.openExisting(folder));
    }

    private static Workspace wire(H2Database database) {
        try {
            return new Workspace(database, HuggingFaceTextTokenizer.bundled());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Path folder() {
        return database.folder();
    }

    public DatasetStore datasets() {
        return datasets;
    }

    public LabelStore labels() {
        return labels;
    }

    /** The format, columns and first rows of a file, for the import dialog. */
    public org.activelabeler.dataset.TextReader.Preview preview(java.nio.file.Path file, int rows) {
        return new TextFiles().preview(file, rows);
    }

    public DatasetImporter importer() {
        return new DatasetImporter(datasets, tokenizer, new TextFiles());
    }

    /** Tracking records that wait for the MLflow server. */
    public TrackingOutbox trackingOutbox() {
        return trackingOutbox;
    }

    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public void close() {
        tokenizer.close();
        database.close();
    }
}
