package org.activelabeler.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.activelabeler.app.LabelExports;
import org.activelabeler.dataset.DatasetOrigin;
import org.activelabeler.dataset.ImportOptions;
import org.activelabeler.dataset.LabelSet;
import org.activelabeler.ui.dataset.AddClassDialog;
import org.activelabeler.ui.dataset.DatasetActions;
import org.activelabeler.ui.dataset.ExportChoice;
import org.activelabeler.ui.dataset.ExportDialog;
import org.activelabeler.ui.welcome.ImportChoices;
import org.activelabeler.ui.welcome.ImportDialog;
import org.activelabeler.app.StoreLocation;
import org.activelabeler.store.postgres.PostgresAddress;
import org.activelabeler.ui.folder.FolderProblemView;
import org.activelabeler.ui.welcome.TeamDatabaseDialog;
import org.activelabeler.app.TrackingSession;
import org.activelabeler.app.Workspace;
import org.activelabeler.app.AppVersion;
import org.activelabeler.app.EncoderFolders;
import org.activelabeler.app.ModelCacheFolder;
import org.activelabeler.modelpackage.ModelPackage;
import org.activelabeler.dataset.DatasetInfo;
import org.activelabeler.labeling.LabelingSession;
import org.activelabeler.labeling.QueueEntry;
import org.activelabeler.progress.Progress;
import org.activelabeler.tracking.RunRef;
import org.activelabeler.ui.labeling.OpenedDataset;
import org.activelabeler.ui.labeling.ReviewTexts;
import org.activelabeler.ui.theme.Theme;
import org.activelabeler.ui.toolbar.ToolbarViewModel;
import org.activelabeler.ui.welcome.WelcomeView;
import org.activelabeler.ui.welcome.WelcomeViewModel;
import org.activelabeler.dataset.Corpus;

/**
 * The one place the desktop app is wired: it opens the workspace in the background, shows the
 * welcome screen or reopens the last dataset where it was left, and swaps screens.
 */
public final class AppShell implements AutoCloseable {
    public static final String LAST_DATASET = "dataset.last";
    private static final int IMPORT_PREVIEW_ROWS = 10;

    private final AppConfig config;
    private Path folder;
    private StoreLocation.Server server;
    private char[] serverPassword;
    private boolean askOnShow;
    static final String TEAM_DATABASE = "team.database";
    private UiSettings settings;
    private Function<Window, Path> folderChooser = FolderProblemView::chooseFolder;
    private Function<Window, Path> importChooser = WelcomeView::chooseFile;
    private BiFunction<Window, ImportChoices, Optional<ImportOptions>> importAsker =
            (owner, choices) -> new ImportDialog(owner, choices).showAndWait();
    private BiFunction<Window, DatasetInfo, Optional<ExportChoice>> exportAsker = ExportDialog::ask;
    private BiFunction<Window, LabelSet, Optional<String>> classAsker = AddClassDialog::ask;
    private final StringProperty statusMessage = new SimpleStringProperty("Ready");
    private final MainView mainView;
    private final ToolbarViewModel toolbarModel;
    private Workspace workspace;
    private TrackingSession tracking;
    private String lastRunLink;
    private LabelingScreen screen;
    private Scene scene;
    private double demoOracleSpeed;
    private Path fileToImport;
    static final String FONT_SIZE = "font.size";
    static final int DEFAULT_FONT = 14;
    static final int MIN_FONT = 10;
    static final int MAX_FONT = 24;

    public AppShell(AppConfig config) {
        this.config = config;
        this.folder = config.folder();
        this.settings = UiSettings.load(folder);
        this.mainView = new MainView(config.executor().status(), config.transformerExecutor().status(), statusMessage);
        this.toolbarModel = new ToolbarViewModel(settings.get("annotator", defaultAnnotator()),
                Theme.parse(settings.get("theme", "light")));
        toolbarModel.annotatorProperty().addListener((obs, old, now) -> settings.put("annotator", now));
        toolbarModel.themeProperty().addListener((obs, old, now) -> {
            settings.put("theme", now.name().toLowerCase(java.util.Locale.ROOT));
            applyTheme();
        });
    }

    /** Shows the window at once and opens the database in the background. */
    public void show(Stage stage) {
        int[] size = windowSize(System.getProperty("activelabeler.window.size", "1280x800"));
        scene = new Scene(mainView, size[0], size[1]);
        fontKeys(scene);
        applyTheme();
        stage.setTitle("Active Labeler");
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setScene(scene);
        if (System.getProperty("activelabeler.window.size") != null) {
            // a set size (screenshots): the window's corner at the screen's
            stage.setX(0);
            stage.setY(0);
        }
        stage.show();
        if (askOnShow) {
            askOnShow = false;
            askForTeamDatabase();
            if (server != null) {
                return;
            }
        }
        open();
    }

    /**
     * Opens the database, then MLflow tracking, in the background. When the folder cannot be opened
     * (another process holds it, say), the window says why and offers Retry and another folder.
     */
    void open() {
        mainView.showLoading(server == null ? "Opening the database..." : "Connecting to " + server.address() + "...");
        Path opening = folder;
        StoreLocation.Server team = server;
        char[] password = serverPassword;
        config.executor().submit("Opening the database", progress -> {
            Workspace opened = team == null ? Workspace.open(opening) : Workspace.open(team, password);
            return new OpenedFolder(opened, importedDatasets(opened));
        }, this::opened,
                error -> mainView.setContent(new FolderProblemView(team == null ? opening.toAbsolutePath().toString()
                        : team.address().toString(), ErrorMessages.describe(error),
                        window -> folderChooser.apply(window), team == null ? this::open : this::askForTeamDatabase,
                        this::openFolder)));
    }

    /**
     * Works on a team's PostgreSQL database instead of the data folder's (whose settings stay in use);
     * {@code password} is kept in memory only, for reconnecting.
     */
    void connectTo(StoreLocation.Server team, char[] password) {
        server = team;
        serverPassword = password;
        settings.put(TEAM_DATABASE, team.address().url());
        closeWorkspace();
        open();
    }

    /**
     * Opens {@code team} instead of the data folder's database when the window shows (the window's
     * {@code --db jdbc:postgresql://...}); without a password from the environment it asks for one first.
     */
    public void connectOnShow(PostgresAddress team, char[] password) {
        settings.put(TEAM_DATABASE, team.url());
        if (password != null) {
            server = new StoreLocation.Server(team, folder);
            serverPassword = password;
        } else {
            askOnShow = true;
        }
    }

    /** Asks for a team database and connects to it. */
    private void askForTeamDatabase() {
        TeamDatabaseDialog.ask(scene.getWindow(), settings.get(TEAM_DATABASE, ""), System.getenv())
                .ifPresent(answer -> connectTo(new StoreLocation.Server(answer.address(), folder), answer.password()));
    }

    /** Switches to another data folder (its own settings come with it) and opens it. */
    void openFolder(Path other) {
        server = null;
        serverPassword = null;
        closeWorkspace();
        folder = other;
        settings = UiSettings.load(other);
        open();
    }

    /** Closes the open dataset, tracking and database before another store opens. */
    private void closeWorkspace() {
        closeScreen();
        if (tracking != null) {
            tracking.close();
            tracking = null;
        }
        if (workspace != null) {
            workspace.close();
            workspace = null;
        }
    }

    /** The setting that remembers the last dataset, one per store (ids of different stores mean different datasets). */
    private String lastDatasetKey() {
        return server == null ? LAST_DATASET : LAST_DATASET + "." + server.address();
    }

    /** How "Open another data folder..." asks for the folder; tests answer without a dialog. */
    void folderChooser(Function<Window, Path> chooser) {
        folderChooser = chooser;
    }

    /** How the window asks for a file to import and its columns; tests answer without dialogs. */
    void importDialogs(Function<Window, Path> chooser, BiFunction<Window, ImportChoices, Optional<ImportOptions>> ask) {
        importChooser = chooser;
        importAsker = ask;
    }

    /** How the Dataset menu asks what to export and which class to add; tests answer without dialogs. */
    void datasetDialogs(BiFunction<Window, DatasetInfo, Optional<ExportChoice>> export,
                        BiFunction<Window, LabelSet, Optional<String>> addClass) {
        exportAsker = export;
        classAsker = addClass;
    }

    /** The data folder in use. */
    Path folder() {
        return folder;
    }

    /**
     * Once the folder is open, shows the import dialog for {@code file} (given on the command line or
     * opened from the file manager) instead of the last dataset.
     */
    public void importOnOpen(Path file) {
        fileToImport = file;
    }

    /**
     * Lets the simulated oracle label from the moment a dataset with file labels opens, at
     * {@code speed} labels per second: for demos and the screenshot script.
     */
    public void startOracle(double speed) {
        demoOracleSpeed = speed;
    }

    public Scene scene() {
        return scene;
    }

    /** The labeling screen's view models while a dataset is open, for tests. */
    LabelingScreen screen() {
        return screen;
    }

    /** The tracking of this app's retrains, once it is open; null before, for tests. */
    TrackingSession tracking() {
        return tracking;
    }

    private record OpenedFolder(Workspace workspace, List<DatasetInfo> datasets) {
    }

    private void opened(OpenedFolder opened) {
        workspace = opened.workspace();
        List<DatasetInfo> known = opened.datasets();
        DatasetInfo last = settings.getLong(lastDatasetKey())
                .flatMap(id -> known.stream().filter(d -> d.id() == id).findFirst()).orElse(null);
        if (fileToImport != null) {
            Path file = fileToImport;
            fileToImport = null;
            WelcomeView welcome = showWelcome(known);
            config.uiThread().execute(() -> welcome.importFile(file));
        } else if (last != null) {
            openDataset(last);
        } else {
            showWelcome(known);
        }
        // After the dataset's load on the one background thread: starting a local MLflow server takes
        // seconds, and the first text must not wait for it. Retrains queue behind it, so none goes untracked.
        connectTracking();
    }

    private WelcomeView showWelcome(List<DatasetInfo> known) {
        closeScreen();
        WelcomeViewModel model = new WelcomeViewModel(config.executor(), workspace::importer,
                file -> workspace.preview(file, IMPORT_PREVIEW_ROWS), known, this::openDataset,
                workspace.datasets()::delete);
        mainView.setToolbar(null);
        WelcomeView welcome = new WelcomeView(model, window -> importChooser.apply(window),
                (window, choices) -> importAsker.apply(window, choices), WelcomeView::confirmDelete);
        welcome.offerTeamDatabase(workspace.storeLocation(), workspace.sharedStore(), this::askForTeamDatabase);
        mainView.setContent(welcome);
        statusMessage.unbind();
        statusMessage.set(known.isEmpty() ? "No dataset yet: import one to start" : "Choose a dataset");
        return welcome;
    }

    private void showDatasets() {
        config.executor().submit("Listing datasets", progress -> importedDatasets(workspace), this::showWelcome,
                error -> mainView.showError(ErrorMessages.describe(error)));
    }

    private void openDataset(DatasetInfo dataset) {
        closeScreen();
        mainView.setToolbar(null);
        mainView.showLoading("Opening " + dataset.name() + "...");
        ReviewTexts texts = new ReviewTexts(workspace.datasets(), config.textReader(), config.uiThread());
        config.executor().submit("Opening " + dataset.name(), progress -> load(dataset, texts, progress),
                opened -> showLabeling(opened, texts), error -> {
                    mainView.showError(ErrorMessages.describe(error));
                    showDatasets();
                });
    }

    private OpenedDataset load(DatasetInfo dataset, ReviewTexts texts, Progress progress) {
        // Ids and gold labels only: the token ids (the bulk) are read for the features, after the first text shows.
        Corpus corpus = workspace.datasets().loadIndex(dataset.id(), progress);
        var labels = workspace.labels();
        List<QueueEntry> queue = labels.queue(dataset.id());
        OpenedDataset opened = new OpenedDataset(corpus, labels.currentLabels(dataset.id()),
                labels.skipped(dataset.id()), queue, labels.rounds(dataset.id()), labels.auditDraws(dataset.id()));
        List<Long> first = LabelingSession.order(queue, opened.askingOrder(), opened.labels().keySet(),
                opened.skipped(), 40);
        texts.load(first);
        settings.getLong(LabelingScreen.CURRENT + dataset.id()).ifPresent(id -> {
            if (java.util.Arrays.stream(corpus.reviewIds()).anyMatch(r -> r == id)) {
                texts.load(List.of(id));
            }
        });
        return opened;
    }

    private void showLabeling(OpenedDataset opened, ReviewTexts texts) {
        settings.put(lastDatasetKey(), Long.toString(opened.corpus().dataset().id()));
        LabelingRuns runs = new LabelingRuns(() -> tracking, opened.corpus().dataset(),
                toolbarModel.annotatorProperty()::get, LabelingScreen.SEED, new ModelPackage(workspace.tokenizer(),
                opened.corpus().dataset().labels(), AppVersion.get(), ModelCacheFolder.parts(),
                new EncoderFolders(workspace.folder().resolve("encoders"))));
        DatasetInfo dataset = opened.corpus().dataset();
        DatasetActions actions = new DatasetActions(() -> exportLabels(dataset), () -> addClass(dataset),
                this::showDatasets);
        screen = new LabelingScreen(opened, workspace, texts, config, settings, toolbarModel, statusMessage,
                this::openMlflow, actions, runs, this::updateMlflowStatus);
        mainView.setToolbar(screen.toolbar());
        mainView.setContent(screen.content());
        if (scene == null) {
            return;
        }
        scene.getWindow().setOnShown(null);
        if (scene.getWindow() instanceof Stage stage) {
            stage.setTitle("Active Labeler · " + opened.corpus().dataset().name());
        }
        screen.attach(scene);
        if (demoOracleSpeed > 0 && toolbarModel.oracleAvailableProperty().get()) {
            toolbarModel.oracleSpeedProperty().set(demoOracleSpeed);
            toolbarModel.oracleProperty().set(true);
        }
    }

    /** Asks what to export and where, then writes it in the background, with progress; labeling goes on. */
    private void exportLabels(DatasetInfo dataset) {
        Optional<ExportChoice> asked = exportAsker.apply(window(), dataset);
        if (asked.isEmpty()) {
            return;
        }
        ExportChoice choice = asked.get();
        LabelExports.Request request = new LabelExports.Request(dataset, choice.format(), choice.predictions(),
                choice.allEvents());
        config.executor().submit("Exporting labels", progress -> LabelExports.write(workspace, request, choice.file(),
                progress), rows -> mainView.showNotice("Exported " + rows + (choice.allEvents() ? " label events"
                : " rows") + " to " + choice.file().toAbsolutePath() + "."),
                error -> mainView.showError("The export failed, and no file was written: "
                        + ErrorMessages.describe(error)));
    }

    /** Adds a class at the end of the label set, then reopens the dataset with one more button; no label changes. */
    private void addClass(DatasetInfo dataset) {
        Optional<String> name = classAsker.apply(window(), dataset.labels());
        if (name.isEmpty()) {
            return;
        }
        config.executor().submit("Adding class " + name.get(), progress -> workspace.datasets().addClass(dataset.id(),
                name.get()), updated -> {
                    openDataset(updated);
                    mainView.showNotice("Added the class '" + name.get() + "'"
                            + (updated.labels().key(updated.labels().size() - 1) != null
                            ? " on key " + updated.labels().key(updated.labels().size() - 1) : "")
                            + "; every label kept its class. The next retrain learns it once it has labels.");
                }, error -> mainView.showError(ErrorMessages.describe(error)));
    }

    private Window window() {
        return scene == null ? null : scene.getWindow();
    }

    /** Resolves the MLflow server (it may start a local one) before any retrain, on the background executor. */
    private void connectTracking() {
        config.executor().submit("Connecting to MLflow",
                progress -> TrackingSession.open(workspace, null, config.env()), session -> {
                    tracking = session;
                    session.onRunLink((run, link) -> config.uiThread().execute(() -> runLinked(run, link)));
                    updateMlflowStatus();
                }, error -> {
                    toolbarModel.mlflow(null, 0);
                    mainView.showError("MLflow tracking is off: " + ErrorMessages.describe(error));
                });
    }

    private void runLinked(RunRef run, String link) {
        lastRunLink = link;
        if (screen != null) {
            screen.rounds().link(run, link);
        }
    }

    /** "MLflow: address" or how many records wait in the outbox; the count is read in the background. */
    private void updateMlflowStatus() {
        TrackingSession session = tracking;
        String address = session == null ? null : session.address().orElse(null);
        config.executor().submit("Checking the MLflow outbox", progress -> workspace.trackingOutbox().count(),
                waiting -> toolbarModel.mlflow(address, waiting), error -> toolbarModel.mlflow(address, 0));
    }

    /** Opens the newest round's run, else the last run sent, else the server, in the browser. */
    private void openMlflow() {
        String link = screen == null ? null : screen.rounds().latestLink().orElse(null);
        if (link == null) {
            link = lastRunLink != null ? lastRunLink : toolbarModel.mlflowAddressProperty().get();
        }
        if (link == null) {
            mainView.showError("MLflow tracking is off, so there is nothing to open; the runs wait in the outbox"
                    + " until `active-labeler sync` sends them.");
            return;
        }
        new LinkOpener(config.browser(), config.uiThread(), mainView::showError).open(link);
    }

    private void applyTheme() {
        if (scene != null) {
            scene.getStylesheets().setAll(Theme.BASE, toolbarModel.themeProperty().get().stylesheet());
            mainView.setStyle("-fx-font-size: " + fontSize() + "px;");
        }
    }

    /** {@code WIDTHxHEIGHT} (the property activelabeler.window.size), else 1280 by 800. */
    static int[] windowSize(String text) {
        String[] parts = text.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                return new int[] {Math.max(960, Integer.parseInt(parts[0].strip())),
                        Math.max(600, Integer.parseInt(parts[1].strip()))};
            }
        } catch (NumberFormatException e) {
            // the default below
        }
        return new int[] {1280, 800};
    }

    /** The root font size in pixels, kept in desktop.properties; the window's type scales with it. */
    int fontSize() {
        return Math.max(MIN_FONT, Math.min(MAX_FONT, settings.getInt(FONT_SIZE, DEFAULT_FONT)));
    }

    /** Ctrl+= and Ctrl+- make the type larger and smaller, Ctrl+0 the default; kept between starts. */
    void changeFontSize(int step) {
        int size = step == 0 ? DEFAULT_FONT : Math.max(MIN_FONT, Math.min(MAX_FONT, fontSize() + step));
        settings.put(FONT_SIZE, Integer.toString(size));
        applyTheme();
        String message = "Text size " + size + " px (Ctrl+= larger, Ctrl+- smaller, Ctrl+0 the default)";
        if (screen != null) {
            screen.notice(message);
        } else if (!statusMessage.isBound()) {
            statusMessage.set(message);
        }
    }

    private void fontKeys(Scene target) {
        target.getAccelerators().put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN),
                () -> changeFontSize(1));
        target.getAccelerators().put(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN),
                () -> changeFontSize(1));
        target.getAccelerators().put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN),
                () -> changeFontSize(1));
        target.getAccelerators().put(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN),
                () -> changeFontSize(-1));
        target.getAccelerators().put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN),
                () -> changeFontSize(-1));
        target.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
                () -> changeFontSize(0));
    }

    private void closeScreen() {
        if (screen != null) {
            screen.close();
            screen = null;
        }
    }

    /** The datasets imported to be labeled; those that experiments read stay out of the window. */
    private static List<DatasetInfo> importedDatasets(Workspace workspace) {
        return workspace.datasets().list().stream().filter(d -> d.origin() == DatasetOrigin.IMPORT).toList();
    }

    private static String defaultAnnotator() {
        String user = System.getProperty("user.name", "annotator");
        return user.isBlank() ? "annotator" : user;
    }

    /** Stops the oracle and the background work (the transformer's too), then closes the database; labels are already saved. */
    @Override
    public void close() {
        UiSettings.flush();
        closeScreen();
        config.transformerExecutor().close();
        config.executor().close();
        if (tracking != null) {
            tracking.close();
        }
        if (workspace != null) {
            workspace.close();
        }
    }
}
