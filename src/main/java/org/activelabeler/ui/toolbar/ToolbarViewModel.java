package org.activelabeler.ui.toolbar;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.activelabeler.ui.theme.Theme;

/**
 * The toolbar's own settings: annotator, theme, the simulated oracle (on, labels per second) and
 * the MLflow status. Strategy, batch size and "Retrain now" belong to the retrain view model.
 */
public final class ToolbarViewModel {
    public static final double MIN_SPEED = 0.5;
    public static final double MAX_SPEED = 50;

    private final StringProperty annotator = new SimpleStringProperty();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final BooleanProperty oracle = new SimpleBooleanProperty();
    private final BooleanProperty oracleAvailable = new SimpleBooleanProperty();
    private final DoubleProperty oracleSpeed = new SimpleDoubleProperty(5);
    private final StringProperty mlflowStatus = new SimpleStringProperty("MLflow: checking...");
    private final StringProperty mlflowAddress = new SimpleStringProperty();

    public ToolbarViewModel(String annotator, Theme theme) {
        this.annotator.set(annotator);
        this.theme.set(theme);
        oracleAvailable.addListener((obs, old, available) -> {
            if (!available) {
                oracle.set(false);
            }
        });
    }

    public void toggleTheme() {
        theme.set(theme.get() == Theme.LIGHT ? Theme.DARK : Theme.LIGHT);
    }

    /** Shows where tracking goes: the server address, or how many records wait in the outbox. */
    public void mlflow(String address, int waiting) {
        mlflowAddress.set(address);
        if (address == null) {
            mlflowStatus.set("MLflow off · " + waiting + " waiting");
        } else if (waiting > 0) {
            mlflowStatus.set("MLflow: " + address + " · " + waiting + " waiting");
        } else {
            mlflowStatus.set("MLflow: " + address);
        }
    }

    public StringProperty annotatorProperty() {
        return annotator;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public BooleanProperty oracleProperty() {
        return oracle;
    }

    public BooleanProperty oracleAvailableProperty() {
        return oracleAvailable;
    }

    /** Labels per second while the simulated oracle labels. */
    public DoubleProperty oracleSpeedProperty() {
        return oracleSpeed;
    }

    public StringProperty mlflowStatusProperty() {
        return mlflowStatus;
    }

    public StringProperty mlflowAddressProperty() {
        return mlflowAddress;
    }
}
