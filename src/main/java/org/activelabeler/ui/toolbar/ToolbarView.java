package org.activelabeler.ui.toolbar;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.activelabeler.strategy.BaldSampling;
import org.activelabeler.strategy.QueryStrategies;
import org.activelabeler.twospeed.TwoSpeedSettings;
import org.activelabeler.ui.dataset.DatasetActions;
import org.activelabeler.ui.dataset.DatasetMenu;
import org.activelabeler.ui.retrain.RetrainViewModel;
import org.activelabeler.ui.theme.Theme;
import org.activelabeler.ui.transformer.ModelChoice;
import org.activelabeler.ui.transformer.TransformerLaneViewModel;
import org.controlsfx.control.ToggleSwitch;

/**
 * Retrain now, strategy, batch size, model (fast, or fast + transformer with its settings), the
 * simulated oracle and its speed, annotator, theme, MLflow status and the Dataset menu. Every control is reachable
 * with Tab; Escape returns the keys to labeling.
 */
public final class ToolbarView extends ToolBar {

    public ToolbarView(ToolbarViewModel model, RetrainViewModel retrain, TransformerLaneViewModel lane,
                       Runnable openMlflow, DatasetActions datasetActions) {
        setId("toolbar");
        Button retrainNow = new Button("Retrain  Ctrl+R");
        retrainNow.setId("retrain-button");
        retrainNow.setMnemonicParsing(false);
        retrainNow.setOnAction(e -> retrain.retrainNow());
        retrainNow.disableProperty().bind(retrain.runningProperty().or(retrain.readyProperty().not()));

        ComboBox<String> strategy = new ComboBox<>();
        strategy.setId("strategy");
        strategy.getItems().setAll(QueryStrategies.names());
        strategy.valueProperty().bindBidirectional(retrain.strategyProperty());
        strategy.setPrefWidth(115);
        strategy.setTooltip(new Tooltip("How the next reviews are chosen after a retrain"));

        Spinner<Integer> batch = new Spinner<>(RetrainViewModel.MIN_BATCH, RetrainViewModel.MAX_BATCH,
                retrain.batchSizeProperty().get(), 5);
        batch.getStyleClass().add(Spinner.STYLE_CLASS_SPLIT_ARROWS_HORIZONTAL);
        batch.setId("batch-size");
        batch.setEditable(true);
        batch.setPrefWidth(95);
        batch.valueProperty().addListener((obs, old, now) -> retrain.batchSizeProperty().set(now));
        batch.setTooltip(new Tooltip("Labels between automatic retrains"));

        ComboBox<ModelChoice> modelChoice = new ComboBox<>();
        modelChoice.setId("model-choice");
        modelChoice.getItems().setAll(ModelChoice.values());
        modelChoice.valueProperty().bindBidirectional(lane.choiceProperty());
        modelChoice.setPrefWidth(135);
        modelChoice.setTooltip(new Tooltip("Fast + transformer: a transformer retrains in the background every few"
                + " batches and serves the queue while it validates better than the fast model"));
        Spinner<Integer> every = new Spinner<>(1, 100, lane.everyBatchesProperty().get(), 1);
        every.getStyleClass().add(Spinner.STYLE_CLASS_SPLIT_ARROWS_HORIZONTAL);
        every.setId("transformer-every");
        every.setEditable(true);
        every.setPrefWidth(90);
        every.valueProperty().addListener((obs, old, now) -> lane.everyBatchesProperty().set(now));
        lane.everyBatchesProperty().addListener((obs, old, now) -> every.getValueFactory().setValue(now.intValue()));
        every.setTooltip(new Tooltip("Transformer every N batches"));

        ComboBox<String> transformerStrategy = new ComboBox<>();
        transformerStrategy.setId("transformer-strategy");
        transformerStrategy.getItems().setAll(TwoSpeedSettings.ENTROPY, BaldSampling.NAME);
        transformerStrategy.valueProperty().bindBidirectional(lane.strategyProperty());
        transformerStrategy.setPrefWidth(100);
        transformerStrategy.setTooltip(new Tooltip("How the transformer ranks its candidates: entropy, or BALD"
                + " (disagreement between dropout passes)"));
        // only while two-speed is on, so that the default toolbar keeps its width
        HBox transformerSettings = new HBox(6, new Label("every"), every, new Label("batches"), transformerStrategy);
        transformerSettings.setAlignment(Pos.CENTER_LEFT);
        transformerSettings.visibleProperty().bind(lane.choiceProperty().isEqualTo(ModelChoice.TWO_SPEED));
        transformerSettings.managedProperty().bind(transformerSettings.visibleProperty());


        ToggleSwitch oracle = new ToggleSwitch("Oracle");
        oracle.setId("oracle");
        oracle.selectedProperty().bindBidirectional(model.oracleProperty());
        oracle.disableProperty().bind(model.oracleAvailableProperty().not());
        oracle.setTooltip(new Tooltip("Simulated oracle: the file's own labels answer, so the curve grows live"));
        Slider speed = new Slider(ToolbarViewModel.MIN_SPEED, ToolbarViewModel.MAX_SPEED, model.oracleSpeedProperty().get());
        speed.setId("oracle-speed");
        speed.setPrefWidth(60);
        speed.valueProperty().bindBidirectional(model.oracleSpeedProperty());
        speed.disableProperty().bind(model.oracleAvailableProperty().not());
        Label speedText = new Label();
        speedText.setMinWidth(44);
        speedText.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.1f/s", model.oracleSpeedProperty().get()), model.oracleSpeedProperty()));

        TextField annotator = new TextField();
        annotator.setId("annotator");
        annotator.setPrefColumnCount(6);
        annotator.setText(model.annotatorProperty().get());
        annotator.setPromptText("Annotator");
        annotator.setTooltip(new Tooltip("Your name, stored with every label (Enter to apply)"));
        annotator.setOnAction(e -> model.annotatorProperty().set(annotator.getText().strip()));
        annotator.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused && !annotator.getText().isBlank()) {
                model.annotatorProperty().set(annotator.getText().strip());
            }
        });

        Button theme = new Button();
        theme.setId("theme-button");
        theme.textProperty().bind(Bindings.createStringBinding(
                () -> model.themeProperty().get() == Theme.LIGHT ? "Dark" : "Light", model.themeProperty()));
        theme.setOnAction(e -> model.toggleTheme());
        theme.setTooltip(new Tooltip("Switch between the light and the dark theme"));

        // One short link: the whole status in its tooltip, so the toolbar fits 1280 pixels.
        Hyperlink mlflow = new Hyperlink();
        mlflow.setId("mlflow-status");
        mlflow.textProperty().bind(Bindings.createStringBinding(() -> model.mlflowAddressProperty().get() != null
                ? "MLflow ↗" : "MLflow: off", model.mlflowAddressProperty()));
        mlflow.setOnAction(e -> {
            if (model.mlflowAddressProperty().get() != null) {
                openMlflow.run();
            }
        });
        Tooltip mlflowTip = new Tooltip();
        mlflowTip.setWrapText(true);
        mlflowTip.setMaxWidth(420);
        mlflowTip.textProperty().bind(model.mlflowStatusProperty());
        mlflow.setTooltip(mlflowTip);

        DatasetMenu dataset = new DatasetMenu(datasetActions);
        dataset.setTooltip(new Tooltip("Export the labels, add a class, or import or open another dataset"));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getItems().addAll(dataset, theme, new Separator(), retrainNow, new Label("Strategy"), strategy, new Label("Batch"),
                batch, new Separator(), modelChoice, transformerSettings,
                new Separator(), oracle, speed, speedText, new Separator(), annotator,
                spacer, mlflow);
        getItems().forEach(node -> {
            if (node instanceof Label label) {
                label.setAlignment(Pos.CENTER_LEFT);
            }
        });
    }
}
