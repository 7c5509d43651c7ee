package org.activelabeler.app;

import java.nio.file.Path;
import org.activelabeler.modelpackage.PartFinder;
import org.activelabeler.modelpackage.SharedPart;

/** The shared parts of models kept on this machine, one folder each, named by its sha256. */
public final class ModelParts implements PartFinder {
    private final Path root;

    private ModelParts(Path root) {
        this.root = root;
    }

    /** The machine's part cache ({@link ModelCacheFolder#parts()}). */
    public static ModelParts local() {
        return local(ModelCacheFolder.parts());
    }

    public static ModelParts local(Path root) {
        return new ModelParts(root);
    }

    @Override
    public Path folder(SharedPart part) {
        return folder(part, true);
    }

    /** The part's folder, or null (or an error, when {@code required}) when it is not here or damaged. */
    Path folder(SharedPart part, boolean required) {
        Path folder = root.resolve(part.sha256());
        if (part.presentIn(folder)) {
            return folder;
        }
        if (required) {
            throw new IllegalArgumentException("The model's " + part.label() + " part is not on this machine (looked in "
                    + folder + "); fetch the model from its tracking server (models:/NAME/VERSION) or use a folder"
                    + " written by `train --out`, which holds its parts");
        }
        return null;
    }
}
