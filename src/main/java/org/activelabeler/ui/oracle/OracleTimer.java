package org.activelabeler.ui.oracle;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.util.Duration;
import java.util.function.BooleanSupplier;

/**
 * Drives the simulated oracle on the UI thread: while {@code on}, calls {@code step} at
 * {@code speed} labels per second; switches itself off when a step finds nothing to answer.
 */
public final class OracleTimer {
    private final Timeline timeline = new Timeline();
    private final BooleanProperty on;
    private final DoubleProperty speed;
    private final BooleanSupplier step;

    public OracleTimer(BooleanProperty on, DoubleProperty speed, BooleanSupplier step) {
        this.on = on;
        this.speed = speed;
        this.step = step;
        timeline.setCycleCount(Timeline.INDEFINITE);
        timeline.getKeyFrames().add(new KeyFrame(Duration.seconds(1), e -> tick()));
        on.addListener((obs, was, now) -> update());
        speed.addListener((obs, was, now) -> timeline.setRate(Math.max(0.1, now.doubleValue())));
        timeline.setRate(Math.max(0.1, speed.get()));
    }

    private void update() {
        if (on.get()) {
            timeline.play();
        } else {
            timeline.stop();
        }
    }

    private void tick() {
        if (!step.getAsBoolean()) {
            on.set(false);
        }
    }

    public void stop() {
        on.set(false);
        timeline.stop();
    }
}
