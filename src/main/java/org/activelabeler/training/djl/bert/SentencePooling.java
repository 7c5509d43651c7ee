package org.activelabeler.training.djl.bert;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How an encoder turns its token states into one sentence vector, as the encoder's authors trained it:
 * the mean over real tokens (sentence-transformers' default) or the {@code [CLS]} state (bge), optionally
 * scaled to unit length.
 */
public record SentencePooling(Mode mode, boolean normalize) {
    public static final SentencePooling MEAN = new SentencePooling(Mode.MEAN, false);
    public static final SentencePooling CLS_NORMALIZED = new SentencePooling(Mode.CLS, true);

    public enum Mode { MEAN, CLS }

    /** {@code mean}, {@code cls}, with {@code +l2} when the vector is normalised: part of the encoder digest. */
    public String describe() {
        return mode.name().toLowerCase(Locale.ROOT) + (normalize ? "+l2" : "");
    }

    /**
     * The pooling of a sentence-transformers folder: {@code 1_Pooling/config.json} when present (mean
     * otherwise), normalised when {@code modules.json} lists a {@code Normalize} module.
     *
     * @throws IllegalArgumentException for a pooling that the encoder cannot do (max, weighted mean, ...)
     */
    public static SentencePooling ofFolder(Path folder) {
        Mode mode = Mode.MEAN;
        Path pooling = folder.resolve("1_Pooling").resolve("config.json");
        if (Files.isRegularFile(pooling)) {
            JsonObject json = readJson(pooling).getAsJsonObject();
            boolean cls = flag(json, "pooling_mode_cls_token");
            boolean mean = flag(json, "pooling_mode_mean_tokens");
            for (String other : new String[] {"pooling_mode_max_tokens", "pooling_mode_mean_sqrt_len_tokens",
                    "pooling_mode_weightedmean_tokens", "pooling_mode_lasttoken"}) {
                if (flag(json, other)) {
                    throw new IllegalArgumentException(pooling + " asks for " + other + "; only mean and CLS pooling"
                            + " are supported");
                }
            }
            if (cls == mean) {
                throw new IllegalArgumentException(pooling + " must choose exactly one of pooling_mode_cls_token and"
                        + " pooling_mode_mean_tokens");
            }
            mode = cls ? Mode.CLS : Mode.MEAN;
        }
        boolean normalize = false;
        Path modules = folder.resolve("modules.json");
        if (Files.isRegularFile(modules)) {
            for (JsonElement module : readJson(modules).getAsJsonArray()) {
                JsonElement type = module.getAsJsonObject().get("type");
                normalize |= type != null && type.getAsString().endsWith(".Normalize");
            }
        }
        return new SentencePooling(mode, normalize);
    }

    private static boolean flag(JsonObject json, String name) {
        return json.has(name) && json.get(name).getAsBoolean();
    }

    private static JsonElement readJson(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(reader);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
