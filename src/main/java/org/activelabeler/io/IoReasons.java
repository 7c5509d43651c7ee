package org.activelabeler.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.zip.ZipException;

/**
 * Why an I/O operation failed, in words a person can act on. Java's file exceptions often carry
 * only the path as their message ("cannot be read: /x"); the exception's type holds the reason.
 */
public final class IoReasons {
    private IoReasons() {
    }

    public static String of(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied; check the file's permissions, or run as a user who may read it";
        }
        if (e instanceof NoSuchFileException) {
            return "not found; check the path";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is a file, not a folder";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        if (e instanceof EOFException || e instanceof ZipException) {
            return "the compressed file is cut short or damaged (" + e.getMessage() + "); copy or download it again";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
