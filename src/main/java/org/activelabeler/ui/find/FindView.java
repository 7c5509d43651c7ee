package org.activelabeler.ui.find;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A window of its own beside the labeling view (it blocks nothing): a query with its filters, the
 * hits, and Enter or a double click to open one in the labeling view and label it there.
 */
public final class FindView {
    private final Stage stage = new Stage();
    private final TextField query = new TextField();

    public FindView(Window owner, FindViewModel model) {
        stage.initOwner(owner);
        stage.setTitle("Find texts");
        query.setId("find-query");
        query.setPromptText("words, or a regular expression");
        query.textProperty().bindBidirectional(model.queryProperty());
        query.setOnAction(e -> model.search());
        HBox.setHgrow(query, Priority.ALWAYS);
        CheckBox regex = new CheckBox("Regular expression");
        regex.setId("find-regex");
        regex.selectedProperty().bindBidirectional(model.regexProperty());
        Button search = new Button("Search");
        search.setId("find-search");
        search.setDefaultButton(true);
        search.disableProperty().bind(model.searchingProperty());
        search.setOnAction(e -> model.search());

        ComboBox<FindViewModel.LabelChoice> label = new ComboBox<>();
        label.setId("find-label");
        label.getItems().setAll(model.labelChoices());
        label.valueProperty().bindBidirectional(model.labelProperty());
        TextField annotator = new TextField();
        annotator.setId("find-annotator");
        annotator.setPromptText("annotator (any)");
        annotator.setPrefColumnCount(9);
        annotator.textProperty().bindBidirectional(model.annotatorProperty());
        annotator.setOnAction(e -> model.search());
        ComboBox<FindViewModel.SourceChoice> source = new ComboBox<>();
        source.setId("find-source");
        source.getItems().setAll(model.sourceChoices());
        source.valueProperty().bindBidirectional(model.sourceProperty());
        CheckBox disagreeing = new CheckBox("The model disagrees with the label");
        disagreeing.setId("find-disagreeing");
        disagreeing.selectedProperty().bindBidirectional(model.disagreeingProperty());
        CheckBox uncertain = new CheckBox("Most uncertain first");
        uncertain.setId("find-uncertain");
        uncertain.selectedProperty().bindBidirectional(model.uncertainFirstProperty());

        CheckBox newest = new CheckBox("Newest labels first");
        newest.setId("find-newest");
        newest.selectedProperty().bindBidirectional(model.newestFirstProperty());
        newest.setTooltip(new javafx.scene.control.Tooltip("The history of the labels: who gave each and when;"
                + " open one to change it"));

        ListView<FindViewModel.Row> hits = new ListView<>(model.rows());
        hits.setId("find-hits");
        hits.setPlaceholder(new Label("No hits yet"));
        hits.setCellFactory(list -> new HitCell());
        hits.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                model.open(hits.getSelectionModel().getSelectedItem());
            }
        });
        hits.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.open(hits.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        VBox.setVgrow(hits, Priority.ALWAYS);
        Label status = new Label();
        status.setId("find-status");
        status.getStyleClass().add("caption");
        status.textProperty().bind(model.statusProperty());

        HBox first = new HBox(8, query, regex, search);
        first.setAlignment(Pos.CENTER_LEFT);
        HBox second = new HBox(8, label, annotator, source, disagreeing, uncertain, newest);
        second.setAlignment(Pos.CENTER_LEFT);
        VBox root = new VBox(10, first, second, hits, status);
        root.setPadding(new Insets(14));
        root.getStyleClass().add("find-view");
        Scene scene = new Scene(root, 900, 560);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.hide();
            }
        });
        stage.setScene(scene);
    }

    /** Shows the window (again) with the query selected, in the owner's stylesheets. */
    public void show() {
        stage.getScene().getStylesheets().setAll(stage.getOwner().getScene().getStylesheets());
        stage.getScene().getRoot().setStyle(stage.getOwner().getScene().getRoot().getStyle());
        stage.show();
        stage.toFront();
        query.requestFocus();
        query.selectAll();
    }

    public Stage stage() {
        return stage;
    }

    private static final class HitCell extends ListCell<FindViewModel.Row> {
        private final Label label = new Label();
        private final Label who = new Label();
        private final Label model = new Label();
        private final Label snippet = new Label();
        private final HBox box = new HBox(10, label, who, model, snippet);

        HitCell() {
            label.setMinWidth(90);
            label.getStyleClass().add("queue-rank");
            who.setMinWidth(130);
            who.getStyleClass().add("muted");
            model.setMinWidth(130);
            model.getStyleClass().add("queue-p");
            snippet.setMinWidth(0);
            HBox.setHgrow(snippet, Priority.ALWAYS);
            box.setAlignment(Pos.CENTER_LEFT);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(FindViewModel.Row row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            label.setText(row.label());
            who.setText(row.who());
            model.setText(row.model());
            snippet.setText(row.snippet());
            setGraphic(box);
        }
    }
}
