package org.activelabeler.modelpackage;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.activelabeler.features.FeaturePipeline;
import org.activelabeler.features.FeatureSettings;

/**
 * The text's fitted features as a shared part: the tokenizer's {@code tokenizer.json}, the settings
 * ({@code features.json}) and what the pipeline learned from the dataset's text, the inverse document
 * frequencies and the latent basis ({@code features.safetensors}). Every version trained on the same
 * fit of a dataset shares it.
 */
final class FeaturesPart {
    static final String TOKENIZER = "tokenizer.json";
    static final String SETTINGS = "features.json";
    static final String STATE = "features.safetensors";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).create();

    private FeaturesPart() {
    }

    /** What {@code features.json} holds. */
    record Settings(String tokenizerName, String tokenizerDigest, int maxNgram, int hashBits,
                    int minDocumentFrequency, int latentDimensions, float latentWeight, int fittedLatentDimensions) {
    }

    /** What a read part gives: the tokenizer's definition and the pipeline. */
    record Read(String tokenizerName, String tokenizerDigest, byte[] tokenizer, FeaturePipeline pipeline) {
    }

    static SharedPart write(Path folder, FeaturePipeline pipeline, String tokenizerName, String tokenizerDigest,
                            byte[] tokenizer) {
        FeaturePipeline.State state = pipeline.state();
        FeatureSettings s = state.settings();
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve(TOKENIZER), tokenizer);
            Files.writeString(folder.resolve(SETTINGS), GSON.toJson(new Settings(tokenizerName, tokenizerDigest,
                    s.maxNgram(), s.hashBits(), s.minDocumentFrequency(), s.latentDimensions(), s.latentWeight(),
                    state.latentDimensions())), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the model's features to " + folder, e);
        }
        SparseIdf idf = SparseIdf.of(state.idf());
        new SafeTensors().put("idf_columns", idf.columns()).put("idf_values", idf.values())
                .put("latent_columns", state.latentColumns())
                .put("latent_basis", state.latentBasis(), state.latentColumns().length, state.latentDimensions())
                .write(folder.resolve(STATE));
        return SharedPart.of(SharedPart.FEATURES, folder, List.of(TOKENIZER, SETTINGS, STATE));
    }

    static Read read(Path folder) {
        Settings settings;
        byte[] tokenizer;
        try {
            settings = GSON.fromJson(Files.readString(folder.resolve(SETTINGS), StandardCharsets.UTF_8), Settings.class);
            tokenizer = Files.readAllBytes(folder.resolve(TOKENIZER));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the model's features in " + folder, e);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(folder.resolve(SETTINGS) + " is not valid JSON: " + e.getMessage(), e);
        }
        FeatureSettings featureSettings = new FeatureSettings(settings.maxNgram(), settings.hashBits(),
                settings.minDocumentFrequency(), settings.latentDimensions(), settings.latentWeight());
        Map<String, Object> arrays = SafeTensors.read(folder.resolve(STATE));
        float[] idf = new SparseIdf((int[]) require(arrays, "idf_columns"), (float[]) require(arrays, "idf_values"))
                .dense(featureSettings.sparseColumnCount());
        FeaturePipeline pipeline = FeaturePipeline.restore(new FeaturePipeline.State(featureSettings, idf,
                (int[]) require(arrays, "latent_columns"), (float[]) require(arrays, "latent_basis"),
                settings.fittedLatentDimensions()));
        return new Read(settings.tokenizerName(), settings.tokenizerDigest(), tokenizer, pipeline);
    }

    private static Object require(Map<String, Object> arrays, String name) {
        Object values = arrays.get(name);
        if (values == null) {
            throw new IllegalArgumentException(STATE + " has no array '" + name + "'; the model's features are damaged");
        }
        return values;
    }

    /** The non-zero inverse document frequencies, by column: most of the hashed columns are never seen. */
    private record SparseIdf(int[] columns, float[] values) {
        static SparseIdf of(float[] idf) {
            int kept = 0;
            for (float value : idf) {
                kept += value > 0 ? 1 : 0;
            }
            int[] columns = new int[kept];
            float[] values = new float[kept];
            for (int c = 0, i = 0; c < idf.length; c++) {
                if (idf[c] > 0) {
                    columns[i] = c;
                    values[i++] = idf[c];
                }
            }
            return new SparseIdf(columns, values);
        }

        float[] dense(int length) {
            if (columns.length != values.length) {
                throw new IllegalArgumentException(STATE + ": idf_columns and idf_values differ in length");
            }
            float[] idf = new float[length];
            for (int i = 0; i < columns.length; i++) {
                if (columns[i] < 0 || columns[i] >= length) {
                    throw new IllegalArgumentException(STATE + ": idf column " + columns[i] + " is outside 0.." + (length - 1));
                }
                idf[columns[i]] = values[i];
            }
            return idf;
        }
    }
}
