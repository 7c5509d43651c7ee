package org.activelabeler.modelpackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.activelabeler.app.ModelParts;
import org.activelabeler.app.ModelRuntime;
import org.activelabeler.dataset.LabelSet;
import org.activelabeler.dataset.ReviewText;
import org.activelabeler.features.FeatureLayout;
import org.activelabeler.features.FeaturePipeline;
import org.activelabeler.features.FeatureSettings;
import org.activelabeler.model.ClassifierSettings;
import org.activelabeler.model.Predictions;
import org.activelabeler.progress.Progress;
import org.activelabeler.testsupport.SyntheticReviews;
import org.activelabeler.testsupport.SyntheticTopics;
import org.activelabeler.text.hf.HuggingFaceTextTokenizer;
import org.activelabeler.training.djl.NgramLogisticClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fast model written as a package and loaded again scores raw text exactly as the model in memory did. */
class ModelPackageTest {
    private static final FeatureSettings SETTINGS = new FeatureSettings(2, 16, 1, 8, 0.5f);
    @TempDir
    Path dir;

    @Test
    void aLoadedPackageGivesTheProbabilitiesOfTheModelItWasWrittenFrom() {
        List<SyntheticReviews.Review> reviews = new SyntheticReviews(7).distinct(300);
        List<String> texts = reviews.stream().map(SyntheticReviews.Review::text).toList();
        int[] gold = reviews.stream().mapToInt(r -> r.positive() ? 1 : 0).toArray();
        List<String> unseen = new SyntheticReviews(8).distinct(40).stream().map(SyntheticReviews.Review::text).toList();

        Predictions inMemory = trainWriteAndScore(texts, gold, LabelSet.SENTIMENT, unseen, dir.resolve("model"));
        try (PackagedModel loaded = open(dir.resolve("model"))) {
            Predictions fromPackage = loaded.score(unseen, Progress.NONE);
            assertThat(fromPackage.flat()).containsExactly(inMemory.flat(), org.assertj.core.data.Offset.offset(1e-6f));
            assertThat(loaded.labels()).isEqualTo(LabelSet.SENTIMENT);
            assertThat(loaded.manifest().layout()).isEqualTo("tfidf,lsa");
            assertThat(loaded.manifest().provenance()).containsEntry("seed", "13");
        }
    }

    @Test
    void aModelOfFourClassesKeepsItsLabelSetAndEveryClassColumn() throws IOException {
        List<SyntheticTopics.Text> topics = new SyntheticTopics(3, 4).distinct(240);
        LabelSet labels = new LabelSet(SyntheticTopics.TOPICS.subList(0, 4));
        int[] gold = topics.stream().mapToInt(t -> labels.indexOf(t.topic()).orElseThrow()).toArray();
        List<String> texts = topics.stream().map(SyntheticTopics.Text::text).toList();

        Predictions inMemory = trainWriteAndScore(texts, gold, labels, texts.subList(0, 30), dir.resolve("topics"));
        try (PackagedModel loaded = open(dir.resolve("topics"))) {
            Predictions fromPackage = loaded.score(texts.subList(0, 30), Progress.NONE);
            assertThat(fromPackage.classes()).isEqualTo(4);
            assertThat(fromPackage.topClasses()).containsExactly(inMemory.topClasses());
            assertThat(loaded.labels().names()).containsExactlyElementsOf(labels.names());
        }
        String mlmodel = Files.readString(dir.resolve("topics").resolve(ModelPackage.MLMODEL));
        assertThat(mlmodel).contains("  active_labeler:").contains("signature:")
                .contains("\"name\":\"text\"").contains("\"name\":\"p_Sci/Tech\"").contains("serving_input_path");
        assertThat(Files.readString(dir.resolve("topics").resolve(MlmodelFile.SERVING_INPUT_EXAMPLE)))
                .startsWith("{\"dataframe_split\": {\"columns\":[\"text\"]");
    }

    @Test
    void aChangedFileAMissingPartAndANewerFormatAreRefusedWithWhatIsWrong() throws IOException {
        List<SyntheticReviews.Review> reviews = new SyntheticReviews(9).distinct(120);
        List<String> texts = reviews.stream().map(SyntheticReviews.Review::text).toList();
        int[] gold = reviews.stream().mapToInt(r -> r.positive() ? 1 : 0).toArray();
        Path model = dir.resolve("model");
        trainWriteAndScore(texts, gold, LabelSet.SENTIMENT, texts.subList(0, 2), model);

        Path weights = model.resolve(ModelPackage.WEIGHTS);
        byte[] original = Files.readAllBytes(weights);
        byte[] changed = original.clone();
        changed[changed.length - 1] ^= 1;
        Files.write(weights, changed);
        assertThatThrownBy(() -> open(model)).hasMessageContaining("is damaged: model.safetensors differs from the digest");
        Files.write(weights, original);

        assertThatThrownBy(() -> PackagedModel.open(model, new ModelRuntime(dir.resolve("encoders")),
                ModelParts.local(dir.resolve("elsewhere")))).hasMessageContaining("features")
                .hasMessageContaining("is not on this machine").hasMessageContaining(dir.resolve("elsewhere").toString());

        Path manifest = model.resolve(ModelPackage.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("\"format\": 1", "\"format\": 7"));
        assertThatThrownBy(() -> open(model)).hasMessageContaining("package format 7").hasMessageContaining("update the app");
        Files.delete(manifest);
        assertThatThrownBy(() -> open(model)).hasMessageContaining("is not an Active Labeler model");
    }

    @Test
    void theFeaturesPartIsWrittenOnceForEveryModelOfOnePipelineAndSharedByAddress() throws IOException {
        List<SyntheticReviews.Review> reviews = new SyntheticReviews(11).distinct(120);
        int[][] tokens = tokens(reviews.stream().map(SyntheticReviews.Review::text).toList());
        int[] gold = reviews.stream().mapToInt(r -> r.positive() ? 1 : 0).toArray();
        FeaturePipeline.Fitted fitted = FeaturePipeline.fit(tokens, SETTINGS);
        try (HuggingFaceTextTokenizer tokenizer = HuggingFaceTextTokenizer.bundled();
             NgramLogisticClassifier classifier = new NgramLogisticClassifier(ClassifierSettings.builder().build(),
                     Map.of())) {
            ModelPackage packages = new ModelPackage(tokenizer, LabelSet.SENTIMENT, "test", dir.resolve("parts"));
            classifier.fit(fitted.rows(), gold, 2, Progress.NONE);
            ModelWriter writer = packages.writer(classifier, fitted.pipeline(), FeatureLayout.TEXT, null);
            LocalPart first = writer.write(dir.resolve("v1"), Map.of()).get(0);
            long written = Files.getLastModifiedTime(first.folder().resolve(FeaturesPart.STATE)).toMillis();
            LocalPart second = writer.write(dir.resolve("v2"), Map.of()).get(0);
            assertThat(second).isEqualTo(first);
            assertThat(Files.getLastModifiedTime(second.folder().resolve(FeaturesPart.STATE)).toMillis()).isEqualTo(written);
            assertThat(first.folder().getFileName().toString()).isEqualTo(first.part().sha256());

            ModelPackage again = new ModelPackage(tokenizer, LabelSet.SENTIMENT, "test", dir.resolve("parts"));
            LocalPart refit = again.writer(classifier, FeaturePipeline.fit(tokens, SETTINGS).pipeline(),
                    FeatureLayout.TEXT, null).write(dir.resolve("v3"), Map.of()).get(0);
            assertThat(refit.part().sha256()).as("the same fit of the same text is the same part").isEqualTo(first.part().sha256());
        }
        try (var parts = Files.list(dir.resolve("parts"))) {
            assertThat(parts.map(p -> p.getFileName().toString())).hasSize(1);
        }
    }

    /** Trains on {@code texts}, writes the package into {@code folder}, returns the in-memory model's scores of {@code toScore}. */
    private Predictions trainWriteAndScore(List<String> texts, int[] gold, LabelSet labels, List<String> toScore,
                                           Path folder) {
        FeaturePipeline.Fitted fitted = FeaturePipeline.fit(tokens(texts), SETTINGS);
        try (HuggingFaceTextTokenizer tokenizer = HuggingFaceTextTokenizer.bundled();
             NgramLogisticClassifier classifier = new NgramLogisticClassifier(
                     ClassifierSettings.builder().optSeed(13).build(), Map.of())) {
            classifier.fit(fitted.rows(), gold, labels.size(), Progress.NONE);
            new ModelPackage(tokenizer, labels, "test", dir.resolve("parts"))
                    .writer(classifier, fitted.pipeline(), FeatureLayout.TEXT, null)
                    .write(folder, Map.of("seed", "13"));
            return classifier.predict(fitted.pipeline().transform(tokens(toScore)));
        }
    }

    private PackagedModel open(Path folder) {
        return PackagedModel.open(folder, new ModelRuntime(dir.resolve("encoders")), ModelParts.local(dir.resolve("parts")));
    }

    private static int[][] tokens(List<String> texts) {
        try (HuggingFaceTextTokenizer tokenizer = HuggingFaceTextTokenizer.bundled()) {
            return tokenizer.encode(texts.stream().map(ReviewText::readable).toList());
        }
    }
}
