package org.activelabeler.ui.welcome;

import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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

/** A calm first screen: import a review file, or open one imported before. */
public final class WelcomeView extends VBox {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    /** @param chooser asks for a file to import; null when the person cancels */
    public WelcomeView(WelcomeViewModel model, Function<Window, Path> chooser) {
        this(model, chooser, WelcomeView::confirmDelete);
    }

    /** @param confirm asks whether to delete a dataset; true to go on */
    public WelcomeView(WelcomeViewModel model, Function<Window, Path> chooser, Predicate<DatasetInfo> confirm) {
        super(18);
        setId("welcome");
        getStyleClass().add("welcome");
        setAlignment(Pos.CENTER);
        setPadding(new Insets(40));

        Label title = new Label("Active Labeler");
        title.getStyleClass().add("welcome-title");
        Label subtitle = new Label("Label movie reviews; the model learns as you go and asks for the reviews it is"
                + " least sure about.");
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
                model.importFile(file);
            }
        });
        Label formats = new Label("CSV or CSV.GZ with a 'review' column and, if you have them, a 'sentiment' column.");
        formats.getStyleClass().add("caption");

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
                setText(empty || item == null ? null : item.name() + "  ·  " + item.reviewCount() + " reviews"
                        + (item.labeled() ? " with file labels" : "") + "  ·  imported " + WHEN.format(item.importedAt()));
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

        VBox card = new VBox(14, title, subtitle, importButton, formats, running, message, previous);
        card.setAlignment(Pos.CENTER);
        card.getStyleClass().add("card");
        card.setMaxWidth(640);
        getChildren().add(card);
    }

    /** Asks before a dataset and its labels are deleted. */
    public static boolean confirmDelete(DatasetInfo dataset) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Delete the dataset " + dataset.name() + " ("
                + dataset.reviewCount() + " reviews) with every label, round and queue of it? This cannot be undone.",
                ButtonType.CANCEL, ButtonType.OK);
        alert.setTitle("Delete dataset");
        alert.setHeaderText("Delete " + dataset.name() + "?");
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    /** The desktop file chooser for review files. */
    public static Path chooseFile(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import dataset");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Review files (*.csv, *.csv.gz)", "*.csv", "*.csv.gz", "*.gz"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(owner);
        return file == null ? null : file.toPath();
    }
}
