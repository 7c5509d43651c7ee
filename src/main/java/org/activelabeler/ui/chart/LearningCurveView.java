package org.activelabeler.ui.chart;

import javafx.collections.ListChangeListener;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The learning curve: accuracy against the number of labels, one point per round. */
public final class LearningCurveView extends VBox {
    private final XYChart.Series<Number, Number> series = new XYChart.Series<>();

    public LearningCurveView(LearningCurveViewModel model) {
        super(4);
        getStyleClass().add("curve-view");
        // Fixed ranges from the view model: auto-ranging spreads two close points over the whole chart.
        NumberAxis labels = new NumberAxis();
        labels.setLabel("labels");
        labels.setAutoRanging(false);
        labels.setLowerBound(0);
        labels.upperBoundProperty().bind(model.labelsUpperProperty());
        labels.tickUnitProperty().bind(model.labelsUpperProperty().divide(5));
        NumberAxis accuracy = new NumberAxis();
        accuracy.setLabel("accuracy");
        accuracy.setAutoRanging(false);
        accuracy.setUpperBound(1);
        accuracy.lowerBoundProperty().bind(model.accuracyLowerProperty());
        accuracy.setTickUnit(0.1);
        LineChart<Number, Number> chart = new LineChart<>(labels, accuracy);
        chart.setId("learning-curve");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setPrefHeight(220);
        chart.setMinHeight(160);
        chart.getData().add(series);
        Label measure = new Label();
        measure.textProperty().bind(model.measureProperty());
        measure.getStyleClass().add("caption");
        Label summary = new Label();
        summary.setId("curve-summary");
        summary.textProperty().bind(model.summaryProperty());
        getChildren().addAll(summary, chart, measure);
        model.points().forEach(this::plot);
        model.points().addListener((ListChangeListener<CurvePoint>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::plot);
            }
        });
    }

    private void plot(CurvePoint point) {
        series.getData().add(new XYChart.Data<>(point.labels(), point.accuracy()));
    }
}
