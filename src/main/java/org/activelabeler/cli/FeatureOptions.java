package org.activelabeler.cli;

import org.activelabeler.app.TextVectors;
import org.activelabeler.features.FeatureBlocks;
import picocli.CommandLine.Option;

/** The fast model's feature blocks and the encoder of its embeddings. */
final class FeatureOptions {
    @Option(names = "--features", paramLabel = "BLOCKS", defaultValue = "tfidf,lsa,embeddings",
            description = "The fast model's features, comma-separated: tfidf, lsa, embeddings (default:"
                    + " ${DEFAULT-VALUE}; tfidf,lsa for the model without a pretrained encoder).")
    String features;

    @Option(names = "--embedding-encoder", paramLabel = "NAME|FOLDER",
            description = "The encoder of the embeddings block: bge-small-en-v1.5 (default; ships with the app),"
                    + " all-MiniLM-L6-v2, a Hugging Face id or a local folder. Vectors are kept in the vector cache"
                    + " ($ACTIVE_LABELER_VECTORS) and reused.")
    String encoder;

    FeatureBlocks blocks() {
        return FeatureBlocks.parse(features);
    }

    String encoderOrDefault() {
        return encoder == null ? TextVectors.DEFAULT_ENCODER : encoder;
    }
}
