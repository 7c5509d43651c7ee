package org.activelabeler.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the desktop app remembers between starts (last dataset, review on screen, annotator, theme,
 * strategy, batch size, model choice and the transformer's settings), in {@code desktop.properties}
 * beside the database. A change is kept in memory at once and written whole, through a temporary
 * file, by a writer thread of its own, never the caller's: a key press that moves to the next text
 * writes nothing on the JavaFX thread. Changes that come while a write is waiting go into that write,
 * so a killed app reopens where it was a moment before. Labels are not here: they live in the
 * database, committed before the key press returns.
 */
public final class UiSettings {
    public static final String FILE_NAME = "desktop.properties";
    private static final Logger LOG = LoggerFactory.getLogger(UiSettings.class);
    private static final ExecutorService WRITER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "desktop-settings-writer");
        thread.setDaemon(true);
        return thread;
    });
    private final Path file;
    private final Properties values = new Properties();
    private boolean scheduled;

    private UiSettings(Path file) {
        this.file = file;
    }

    /** Reads the settings in {@code folder}; a missing or unreadable file means defaults. */
    public static UiSettings load(Path folder) {
        flush();
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

    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    public synchronized String get(String key, String fallback) {
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

    /** Sets a value (null removes it); the file is written soon after, on the writer thread. */
    public synchronized void put(String key, String value) {
        boolean changed = value == null ? values.remove(key) != null : !value.equals(values.put(key, value));
        if (changed && file != null && !scheduled) {
            scheduled = true;
            WRITER.execute(this::write);
        }
    }

    /** Waits until every change made so far, to any settings, is in its file (at close, and before a read). */
    public static void flush() {
        try {
            WRITER.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void write() {
        Properties snapshot = new Properties();
        synchronized (this) {
            scheduled = false;
            snapshot.putAll(values);
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                snapshot.store(out, "Active Labeler desktop settings");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Cannot save the desktop settings in {}: {}", file, e.toString());
        }
    }
}
