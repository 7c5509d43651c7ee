package org.activelabeler.modelpackage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file of a model package or of a shared part, with its size and sha256, checked when it is read.
 *
 * @param path relative to its folder, with {@code /} separators
 */
public record PackageFile(String path, String sha256, long bytes) {

    /** The digest of a file in {@code folder}. */
    public static PackageFile of(Path folder, String path) {
        Path file = folder.resolve(path);
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), sha256Digest())) {
            long bytes = in.transferTo(OutputStream.nullOutputStream());
            String digest = HexFormat.of().formatHex(in.getMessageDigest().digest());
            return new PackageFile(path, digest, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Whether {@code folder} holds this file with the same content. */
    public boolean matches(Path folder) {
        Path file = folder.resolve(path);
        try {
            return Files.isRegularFile(file) && Files.size(file) == bytes && of(folder, path).sha256.equals(sha256);
        } catch (IOException e) {
            return false;
        }
    }

    static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
