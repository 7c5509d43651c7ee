package org.activelabeler.app;

import java.nio.file.Path;
import org.activelabeler.dataset.DatasetImporter;
import org.activelabeler.dataset.DatasetStore;
import org.activelabeler.dataset.file.TextFiles;
import org.activelabeler.labeling.LabelStore;
import org.activelabeler.store.h2.H2Database;
import org.activelabeler.store.jdbc.Database;
import org.activelabeler.store.jdbc.JdbcClaimStore;
import org.activelabeler.store.jdbc.JdbcDatasetStore;
import org.activelabeler.store.jdbc.JdbcLabelStore;
import org.activelabeler.store.jdbc.JdbcTrackingOutbox;
import org.activelabeler.store.postgres.PostgresDatabase;
import org.activelabeler.team.ClaimStore;
import org.activelabeler.text.TextTokenizer;
import org.activelabeler.text.hf.HuggingFaceTextTokenizer;
import org.activelabeler.tracking.TrackingOutbox;

/** Wires the adapters together at start-up: one database, one tokenizer, the stores over them. */
public final class Workspace implements AutoCloseable {
    private final Database database;
    private final Path localFolder;
    private final TextTokenizer tokenizer;
    private final DatasetStore datasets;
    private final LabelStore labels;
    private final TrackingOutbox trackingOutbox;
    private final ClaimStore claims;

    private Workspace(Database database, Path localFolder, TextTokenizer tokenizer) {
        this.database = database;
        this.localFolder = localFolder;
        this.tokenizer = tokenizer;
        this.datasets = new JdbcDatasetStore(database);
        this.labels = new JdbcLabelStore(database);
        this.trackingOutbox = new JdbcTrackingOutbox(database, database.shared() ? ClientName.of(localFolder) : "");
        this.claims = new JdbcClaimStore(database);
    }

    /** Opens the database in {@code folder}, or in the per-user data folder when it is null; creates it if needed. */
    public static Workspace open(Path folder) {
        Path resolved = folder != null ? folder : DataFolder.resolve();
        return wire(H2Database.open(resolved), resolved);
    }

    /** Opens the database in {@code folder} only if it exists; creates nothing. */
    public static Workspace openExisting(Path folder) {
        return wire(H2Database.openExisting(folder), folder);
    }

    /** Opens the store {@code --db} names: a folder's database (made when missing) or a team's server. */
    public static Workspace open(StoreLocation location) {
        if (location instanceof StoreLocation.Server server) {
            return openServer(server);
        }
        return open(((StoreLocation.Folder) location).path());
    }

    /** As {@link #open(StoreLocation)}, but a folder without a database is an error, not made. */
    public static Workspace openExisting(StoreLocation location) {
        if (location instanceof StoreLocation.Server server) {
            return openServer(server);
        }
        return openExisting(((StoreLocation.Folder) location).path());
    }

    private static Workspace openServer(StoreLocation.Server server) {
        return open(server, DatabasePassword.resolve(System.getenv(), server.address().toString()));
    }

    /** Opens a team's database with a password the caller asked for (the window's connection dialog). */
    public static Workspace open(StoreLocation.Server server, char[] password) {
        return wire(PostgresDatabase.open(server.address(), password), server.localFolder());
    }

    private static Workspace wire(Database database, Path localFolder) {
        try {
            return new Workspace(database, localFolder, HuggingFaceTextTokenizer.bundled());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The folder for this machine's files: the data folder of an H2 store, the per-user folder beside a server. */
    public Path folder() {
        return localFolder;
    }

    /** Where the labels are, for messages: a folder or a server address (never a password). */
    public String storeLocation() {
        return database.location();
    }

    /** Whether other processes may label the same datasets at the same time (a team's server). */
    public boolean sharedStore() {
        return database.shared();
    }

    /** Who works on which review, for a team sharing the store. */
    public ClaimStore claims() {
        return claims;
    }

    /** The database under the stores, for the adapters that work on all of it (moving a project). */
    public Database database() {
        return database;
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
