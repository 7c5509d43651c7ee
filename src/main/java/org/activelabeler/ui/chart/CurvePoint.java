package org.activelabeler.ui.chart;

/** One point of the learning curve: accuracy after a retrain on {@code labels} labels. */
public record CurvePoint(int labels, double accuracy) {
}
