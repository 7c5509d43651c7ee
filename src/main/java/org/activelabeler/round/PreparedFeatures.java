package org.activelabeler.round;

import java.util.Map;
import org.activelabeler.features.FeatureMatrix;

/**
 * The fast model's inputs, fitted once per opened dataset: read-only, so other threads may train
 * their own fast model on them.
 *
 * @param rows one feature row per review, in corpus order
 * @param parameters what {@link ClassifierFactory#create} is given
 */
public record PreparedFeatures(FeatureMatrix rows, Map<String, String> parameters) {
}
