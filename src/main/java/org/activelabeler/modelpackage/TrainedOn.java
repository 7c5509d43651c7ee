package org.activelabeler.modelpackage;

import org.activelabeler.features.FeatureLayout;
import org.activelabeler.features.FeaturePipeline;

/**
 * The features a fast model was trained on, as far as scoring new text needs them.
 *
 * @param encoder the encoder of the embeddings block, or null without one
 */
public record TrainedOn(FeaturePipeline pipeline, FeatureLayout layout, EncoderRef encoder) {
}
