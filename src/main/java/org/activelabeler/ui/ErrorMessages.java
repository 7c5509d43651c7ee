package org.activelabeler.ui;

import org.activelabeler.app.MemoryAdvice;
import org.activelabeler.dataset.DatasetFormatException;
import org.activelabeler.progress.CancelledException;
import org.activelabeler.store.StoreException;

/** Turns a failure into one sentence a person can act on; the stack trace goes to the log only. */
public final class ErrorMessages {
    private ErrorMessages() {
    }

    public static String describe(Throwable error) {
        Throwable e = error;
        if (e instanceof java.util.concurrent.ExecutionException && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof CancelledException) {
            return "Cancelled.";
        }
        if (e instanceof OutOfMemoryError) {
            log(e);
            return MemoryAdvice.describe() + " Your labels are saved.";
        }
        if (e instanceof DatasetFormatException || e instanceof StoreException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException || e instanceof java.io.UncheckedIOException) {
            return e.getMessage();
        }
        log(e);
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "Something went wrong (" + detail + "). The details are in the log; your labels are saved.";
    }

    private static void log(Throwable e) {
        System.err.println("Active Labeler: unexpected error");
        e.printStackTrace();
    }
}
