package org.activelabeler.modelpackage;

import java.nio.file.Path;
import org.activelabeler.model.Classifier;
import org.activelabeler.round.VectorSource;
import org.activelabeler.text.TextTokenizer;

/** The adapters a loaded package scores with: the tokenizer library, the engine, the encoders. */
public interface PackageRuntime {

    TextTokenizer tokenizer(byte[] definition, String name);

    /** The trained classifier from the package's {@value ModelPackage#WEIGHTS}. */
    Classifier classifier(Path folder, ModelManifest manifest);

    /**
     * The sentence vectors of the encoder the model was trained with.
     *
     * @param folder the encoder's files (its shared part), or null to find it by name (one that ships with the app)
     */
    VectorSource vectors(EncoderRef encoder, Path folder);
}
