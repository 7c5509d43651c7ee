package org.activelabeler.ui.task;

import org.activelabeler.progress.Progress;

/** Work that runs off the UI thread; it reports through {@code progress} and stops when asked. */
@FunctionalInterface
public interface BackgroundWork<T> {
    T run(Progress progress) throws Exception;
}
