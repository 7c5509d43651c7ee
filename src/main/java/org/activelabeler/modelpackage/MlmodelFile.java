package org.activelabeler.modelpackage;

import com.google.gson.Gson;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * MLflow's {@code MLmodel} file for a package: a flavor of its own ({@value #FLAVOR}), the signature
 * (input: a string column {@code text}; output: the label and one probability per class) and the
 * input example, so that the MLflow UI shows the schema. There is no {@code python_function} flavor:
 * the model is scored by {@code active-labeler predict} or {@code serve}.
 */
final class MlmodelFile {
    static final String FLAVOR = "active_labeler";
    static final String INPUT_EXAMPLE = "input_example.json";
    static final String SERVING_INPUT_EXAMPLE = "serving_input_example.json";
    private static final Gson GSON = new Gson();
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private MlmodelFile() {
    }

    /** The output columns: {@code label}, then {@code p_<class>} per class. */
    static List<String> outputColumns(List<String> labels) {
        List<String> columns = new ArrayList<>();
        columns.add("label");
        labels.forEach(name -> columns.add(probabilityColumn(name)));
        return columns;
    }

    static String probabilityColumn(String className) {
        return "p_" + className;
    }

    static String yaml(ModelManifest manifest, String artifactPath) {
        List<Map<String, Object>> inputs = List.of(column("string", manifest.textColumn()));
        List<Map<String, Object>> outputs = new ArrayList<>();
        outputs.add(column("string", "label"));
        manifest.labels().forEach(name -> outputs.add(column("double", probabilityColumn(name))));
        StringBuilder yaml = new StringBuilder();
        yaml.append("artifact_path: ").append(quoted(artifactPath)).append('\n');
        yaml.append("flavors:\n");
        yaml.append("  ").append(FLAVOR).append(":\n");
        yaml.append("    app_version: ").append(quoted(manifest.appVersion())).append('\n');
        yaml.append("    format: ").append(manifest.format()).append('\n');
        yaml.append("    manifest: ").append(ModelPackage.MANIFEST).append('\n');
        yaml.append("    model_type: ").append(quoted(manifest.modelType())).append('\n');
        yaml.append("    features: ").append(quoted(manifest.layout())).append('\n');
        yaml.append("    features_part: ").append(manifest.features().sha256()).append('\n');
        if (manifest.encoder() != null) {
            yaml.append("    encoder: ").append(quoted(manifest.encoder().name())).append('\n');
            yaml.append("    encoder_digest: ").append(manifest.encoder().digest()).append('\n');
        }
        yaml.append("    classes: ").append(GSON.toJson(manifest.labels())).append('\n');
        yaml.append("    scoring: ").append(quoted("active-labeler predict --model <this folder or models:/...>"
                + " --data FILE, or active-labeler serve --model ...")).append('\n');
        yaml.append("model_uuid: ").append(UUID.nameUUIDFromBytes(manifest.toJson().getBytes(
                java.nio.charset.StandardCharsets.UTF_8)).toString().replace("-", "")).append('\n');
        yaml.append("saved_input_example_info:\n");
        yaml.append("  artifact_path: ").append(INPUT_EXAMPLE).append('\n');
        yaml.append("  pandas_orient: split\n");
        yaml.append("  serving_input_path: ").append(SERVING_INPUT_EXAMPLE).append('\n');
        yaml.append("  type: dataframe\n");
        yaml.append("signature:\n");
        yaml.append("  inputs: ").append(quoted(GSON.toJson(inputs))).append('\n');
        yaml.append("  outputs: ").append(quoted(GSON.toJson(outputs))).append('\n');
        yaml.append("  params: null\n");
        yaml.append("utc_time_created: ").append(quoted(CREATED.format(Instant.ofEpochMilli(manifest.createdMillis()))))
                .append('\n');
        return yaml.toString();
    }

    /** {@code {"columns": ["text"], "data": [[...]]}}: pandas' split orient, as MLflow keeps input examples. */
    static String inputExample(String textColumn, List<String> texts) {
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("columns", List.of(textColumn));
        split.put("data", texts.stream().map(List::of).toList());
        return GSON.toJson(split);
    }

    /** The same example as a request body for {@code POST /invocations}. */
    static String servingInputExample(String textColumn, List<String> texts) {
        return "{\"dataframe_split\": " + inputExample(textColumn, texts) + "}";
    }

    private static Map<String, Object> column(String type, String name) {
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("type", type);
        column.put("name", name);
        column.put("required", true);
        return column;
    }

    /** A YAML single-quoted scalar: any text, with {@code '} doubled. */
    private static String quoted(String text) {
        return "'" + String.valueOf(text).replace("'", "''").replace("\n", " ") + "'";
    }
}
