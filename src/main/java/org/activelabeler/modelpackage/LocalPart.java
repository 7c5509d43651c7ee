package org.activelabeler.modelpackage;

import java.nio.file.Path;

/** A shared part and the local folder that holds its files. */
public record LocalPart(SharedPart part, Path folder) {
}
