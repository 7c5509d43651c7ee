package org.activelabeler.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which model to load, as {@code predict --model} and {@code serve --model} take it: {@code models:/NAME/VERSION},
 * {@code models:/NAME@ALIAS}, {@code runs:/RUN_ID/PATH}, or the folder of a package.
 */
public record ModelReference(String text, String model, String version, String alias, String runId, String path,
                             Path folder) {
    public static final String FORMS = "models:/NAME/VERSION, models:/NAME@ALIAS, runs:/RUN_ID/PATH or the folder"
            + " of a model";
    private static final Pattern VERSION = Pattern.compile("models:/(.+)/(\\d+)/?");
    private static final Pattern ALIAS = Pattern.compile("models:/([^@]+)@([^/@]+)/?");
    private static final Pattern RUN = Pattern.compile("runs:/([0-9A-Za-z_-]+)/(.+?)/?");

    public static ModelReference parse(String text) {
        String value = text.strip();
        Matcher m;
        if ((m = VERSION.matcher(value)).matches()) {
            return new ModelReference(value, m.group(1), m.group(2), null, null, null, null);
        }
        if ((m = ALIAS.matcher(value)).matches()) {
            return new ModelReference(value, m.group(1), null, m.group(2), null, null, null);
        }
        if ((m = RUN.matcher(value)).matches()) {
            return new ModelReference(value, null, null, null, m.group(1), m.group(2), null);
        }
        if (value.startsWith("models:") || value.startsWith("runs:")) {
            throw new IllegalArgumentException("--model '" + text + "' is not a model reference; use " + FORMS);
        }
        Path folder = Path.of(value);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--model '" + text + "': no such folder; use " + FORMS);
        }
        return new ModelReference(value, null, null, null, null, null, folder);
    }

    /** Whether it names a model on a tracking server rather than a local folder. */
    public boolean onServer() {
        return folder == null;
    }
}
