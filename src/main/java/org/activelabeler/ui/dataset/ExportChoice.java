package org.activelabeler.ui.dataset;

import java.nio.file.Path;
import org.activelabeler.dataset.ExportFormat;

/**
 * What the person chose to export, and where.
 *
 * @param predictions every text, with the class probabilities of a model trained on the current labels
 * @param allEvents every label event instead of the current labels
 */
public record ExportChoice(Path file, ExportFormat format, boolean predictions, boolean allEvents) {
}
