package org.activelabeler.ui.welcome;

import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.activelabeler.dataset.DatasetInfo;
import org.activelabeler.dataset.ImportOptions;

/** A calm first screen: import a text file, or open one imported before. */
public final class WelcomeView extends VBox {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());
    private final WelcomeViewModel model;
    private final Label storeLine = new Label();
    private final javafx.scene.control.Hyperlink teamLink = new javafx.scene.control.Hyperlink(
            "Label with a team: connect to a PostgreSQL database...");
    private final BiFunction<Window, ImportChoices, Optional<ImportOptions>> ask;

    /** The real dialogs: the desktop's file chooser, then the import dialog with its preview. */
    public WelcomeView(WelcomeViewModel model) {
        this(model, WelcomeView::chooseFile, (owner, choices) -> new ImportDialog(owner, choices).showAndWait(),
                WelcomeView::confirmDelete);
    }

    /**
     * @param chooser asks for a file to import; null when the person cancels
     * @param ask shows the file's first rows and asks for its columns and classes; empty to cancel
     * @param confirm asks whether to delete a dataset; true to go on
     */
    public WelcomeView(WelcomeViewModel model, Function<Window, Path> chooser,
                       BiFunction<Window, ImportChoices, Optional<ImportOptions>> ask, Predicate<DatasetInfo> confirm) {
        super(18);
        this.model = model;
        this.ask = ask;
        setId("welcome");
        getStyleClass().add("welcome");
        setAlignment(Pos.CENTER);
        setPadding(new Insets(40));

        Label title = new Label("Active Labeler");
        title.getStyleClass().add("welcome-title");
        Label subtitle = new Label("Label texts into your classes; the model learns as you go and asks for the texts"
                + " it is least sure about.");
        subtitle.getStyleClass().add("muted");
        subtitle.setWrapText(true);

        Button importButton = new Button("Import dataset...");
        importButton.setId("import-button");
        importButton.getStyleClass().add("accent");
        importButton.setDefaultButton(true);
        importButton.disableProperty().bind(model.importingProperty());
        importButton.setOnAction(e -> {
            Path file = chooser.apply(getScene().getWindow());
            if (file != null) {
                importFile(file);
            }
        });
        Label formats = new Label("CSV, TSV or JSON Lines (each also .gz) with a text column and, if you have them,"
                + " labels; you choose the columns and classes next.");
        formats.getStyleClass().add("caption");
        formats.setWrapText(true);

        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(360);
        progress.progressProperty().bind(model.status().progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-import");
        cancel.setOnAction(e -> model.cancel());
        HBox running = new HBox(12, progress, cancel);
        running.setAlignment(Pos.CENTER);
        running.visibleProperty().bind(model.importingProperty());
        running.managedProperty().bind(running.visibleProperty());
        Label message = new Label();
        message.setId("welcome-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());

        ListView<DatasetInfo> datasets = new ListView<>(model.datasets());
        datasets.setId("datasets");
        datasets.setMaxWidth(560);
        datasets.setPrefHeight(180);
        datasets.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(DatasetInfo item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name() + "  ·  " + item.reviewCount() + " texts · "
                        + item.labels().size() + " classes" + (item.labeled() ? " · file labels" : "") + "  ·  imported " + WHEN.format(item.importedAt()));
            }
        });
        datasets.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                model.open(datasets.getSelectionModel().getSelectedItem());
            }
        });
        datasets.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.open(datasets.getSelectionModel().getSelectedItem());
            }
        });
        Label known = new Label("Or open a dataset imported before (Enter or double-click):");
        known.getStyleClass().add("caption");
        Button delete = new Button("Delete dataset...");
        delete.setId("delete-dataset");
        delete.disableProperty().bind(datasets.getSelectionModel().selectedItemProperty().isNull()
                .or(model.importingProperty()));
        delete.setOnAction(e -> {
            DatasetInfo chosen = datasets.getSelectionModel().getSelectedItem();
            if (chosen != null && confirm.test(chosen)) {
                model.delete(chosen);
            }
        });
        HBox listActions = new HBox(delete);
        listActions.setAlignment(Pos.CENTER_RIGHT);
        VBox previous = new VBox(6, known, datasets, listActions);
        previous.setAlignment(Pos.CENTER);
        previous.setMaxWidth(560);
        previous.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.datasets()));
        previous.managedProperty().bind(previous.visibleProperty());

        storeLine.setId("store-location");
        storeLine.getStyleClass().add("caption");
        teamLink.setId("connect-team");
        VBox store = new VBox(2, storeLine, teamLink);
        store.setAlignment(Pos.CENTER);
        VBox card = new VBox(14, title, subtitle, importButton, formats, running, message, previous, store);
        card.setAlignment(Pos.CENTER);
        card.getStyleClass().add("card");
        card.setMaxWidth(640);
        getChildren().add(card);
    }

    /** Asks before a dataset and its labels are deleted. */
    public static boolean confirmDelete(DatasetInfo dataset) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Delete the dataset " + dataset.name() + " ("
                + dataset.reviewCount() + " texts) with every label, round and queue of it? This cannot be undone.",
                ButtonType.CANCEL, ButtonType.OK);
        alert.setTitle("Delete dataset");
        alert.setHeaderText("Delete " + dataset.name() + "?");
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    /** The desktop file chooser for text files. */
    /** Asks for the columns and label set of {@code file} in the import dialog, then imports it and opens it. */
    public void importFile(Path file) {
        Window window = getScene().getWindow();
        model.choices(file).flatMap(choices -> ask.apply(window, choices))
                .ifPresent(options -> model.importFile(file, options));
    }

    public static Path chooseFile(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import dataset");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Text files (*.csv, *.tsv, *.jsonl, each also .gz)", "*.csv", "*.tsv",
                        "*.tab", "*.jsonl", "*.ndjson", "*.json", "*.gz"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(owner);
        return file == null ? null : file.toPath();
    }

    /** Says which store is open and offers to connect to a team's database instead. */
    public void offerTeamDatabase(String location, boolean shared, Runnable connect) {
        storeLine.setText((shared ? "Team database " : "Data folder ") + location);
        teamLink.setText(shared ? "Connect to another team database..." : "Label with a team: connect to a PostgreSQL"
                + " database...");
        teamLink.setOnAction(e -> connect.run());
    }
}
