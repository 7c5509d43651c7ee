package org.activelabeler.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * What the desktop app remembers between starts (last dataset, review on screen, annotator, theme,
 * strategy, batch size, model choice and the transformer's settings), in {@code desktop.properties}
 * beside the database. Written whole, through a
 * temporary file, on every change, so that a killed app reopens where it was. Labels are not here:
 * they live in the database.
 */
public final class UiSettings {
    public static final String FILE_NAME = "desktop.properties";
    private final Path file;
    private final Properties values = new Properties();

    private UiSettings(Path file) {
        this.file = file;
    }

    /** Reads the settings in {@code folder}; a missing or unreadable file means defaults. */
    public static UiSettings load(Path folder) {
        UiSettings settings = new UiSettings(folder.resolve(FILE_NAME));
        if (Files.isRegularFile(settings.file)) {
            try (Reader in = Files.newBufferedReader(settings.file, StandardCharsets.UTF_8)) {
                settings.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                settings.values.clear();
            }
        }
        return settings;
    }

    /** Settings that are never written, for tests. */
    public static UiSettings inMemory() {
        return new UiSettings(null);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    public String get(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    public Optional<Long> getLong(String key) {
        try {
            return get(key).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public int getInt(String key, int fallback) {
        try {
            return get(key).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A share in [0, 1), or the fallback when the value is missing, unreadable or out of range. */
    public double getShare(String key, double fallback) {
        try {
            double share = get(key).map(Double::parseDouble).orElse(fallback);
            return share >= 0 && share < 1 ? share : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public void put(String key, String value) {
        if (value == null) {
            if (values.remove(key) != null) {
                save();
            }
            return;
        }
        if (!value.equals(values.put(key, value))) {
            save();
        }
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                values.store(out, "Active Labeler desktop settings");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the desktop settings in " + file + ": " + e.getMessage(), e);
        }
    }
}
