package org.activelabeler.ui.find;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import java.util.List;
import org.activelabeler.ui.ColumnsCell;
import org.activelabeler.ui.ToolWindow;
import org.activelabeler.ui.ToolWindows;

/**
 * A window of its own beside the labeling view (it blocks nothing): a query with its filters, the
 * hits, and Enter or a double click to open one in the labeling view and label it there.
 */
public final class FindView implements ToolWindow.View {
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
        hits.setCellFactory(list -> new ColumnsCell<>(List.of(new ColumnsCell.Column(90, "queue-rank"),
                new ColumnsCell.Column(130, "muted"), new ColumnsCell.Column(130, "queue-p")),
                row -> List.of(row.label(), row.who(), row.model(), row.snippet())));
        ToolWindows.openOnEnterOrDoubleClick(hits, model::open);
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
        ToolWindows.setUp(stage, scene);
    }

    /** Shows the window (again) with the query selected, in the owner's stylesheets. */
    @Override
    public void show() {
        ToolWindows.present(stage);
        query.requestFocus();
        query.selectAll();
    }

    @Override
    public Stage stage() {
        return stage;
    }
}
