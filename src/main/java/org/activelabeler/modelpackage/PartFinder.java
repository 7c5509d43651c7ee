package org.activelabeler.modelpackage;

import java.nio.file.Path;

/** Finds the local folder of a shared part that a model references, fetching it where it must. */
@FunctionalInterface
public interface PartFinder {

    /**
     * @return a folder holding every file of {@code part}, unchanged
     * @throws IllegalArgumentException when the part is nowhere to be found, saying where it was looked for
     */
    Path folder(SharedPart part);
}
