package org.activelabeler.model;

import java.util.Map;

/**
 * @param name the model family, for example {@code ngram-logistic}
 * @param device where it trains, {@code cpu} or {@code gpu(0)}
 * @param hyperparameters every setting that changes what it learns
 */
public record ModelDescription(String name, String device, Map<String, String> hyperparameters) {
}
