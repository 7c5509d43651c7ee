package org.activelabeler.round;

import java.util.Map;
import org.activelabeler.model.Classifier;

/** Makes the model the desktop app trains; called on the training thread, once per opened dataset. */
@FunctionalInterface
public interface ClassifierFactory {
    Classifier create(Map<String, String> featureParameters);
}
