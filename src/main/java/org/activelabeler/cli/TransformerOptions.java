package org.activelabeler.cli;

import java.nio.file.Path;
import org.activelabeler.model.TransformerSettings;
import org.activelabeler.training.djl.bert.EncoderCatalog;
import org.activelabeler.training.djl.bert.PretrainedEncoder;
import org.activelabeler.training.djl.bert.TransformerClassifier;
import org.activelabeler.twospeed.TwoSpeedSettings;
import picocli.CommandLine.Option;

/** The options of the two-speed loop: the fast model every batch, a fine-tuned transformer every few. */
final class TransformerOptions {
    static final String NGRAM = "ngram";
    static final String TRANSFORMER = "transformer";

    @Option(names = "--model", defaultValue = NGRAM,
            description = "ngram: the fast n-gram model alone; transformer: the fast model every batch plus a"
                    + " fine-tuned transformer every few batches, serving the queue while it validates better"
                    + " (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--encoder", defaultValue = "bge-small-en-v1.5", paramLabel = "NAME|FOLDER",
            description = "Pretrained encoder: bge-small-en-v1.5 or all-MiniLM-L6-v2 (both bundled, offline), a Hugging Face id such as"
                    + " sentence-transformers/all-MiniLM-L12-v2 (downloaded once, then cached), or a folder with"
                    + " config.json, tokenizer.json and model.safetensors (default: ${DEFAULT-VALUE}).")
    String encoder;

    @Option(names = "--transformer-every", paramLabel = "BATCHES",
            description = "Batches between transformer rounds (default: 5 on a CPU, 2 on a GPU).")
    Integer every;

    @Option(names = "--transformer-min-labels", paramLabel = "N",
            description = "No transformer round before this many labels (default: 200 on a CPU, 100 on a GPU).")
    Integer minLabels;

    @Option(names = "--audit-share", paramLabel = "SHARE",
            description = "Share of each batch drawn at random: the audit estimate of accuracy (the stopping signal)"
                    + " and, with the transformer, what the models are judged on (default: 0 with the fast model"
                    + " alone, so that curves compare with peers; 0.1 with the transformer).")
    Double auditShare;

    /** The audit share of a simulation of the fast model alone (the transformer lane keeps its own). */
    double fastAuditShare() {
        return enabled() || auditShare == null ? 0 : auditShare;
    }

    @Option(names = "--transformer-strategy", defaultValue = TwoSpeedSettings.ENTROPY,
            description = "How the transformer ranks its candidates: entropy or bald (MC dropout) (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--transformer-candidates", paramLabel = "N",
            description = "The fast model's most uncertain reviews the transformer scores (default: 800 on a CPU;"
                    + " the whole pool on a GPU).")
    Integer candidates;

    @Option(names = "--transformer-random", paramLabel = "N",
            description = "Further random reviews it scores (default: 200 on a CPU).")
    Integer randomCandidates;

    @Option(names = "--max-tokens", paramLabel = "N", description = "Tokens per review (default: 128 on a CPU, 256 on a GPU).")
    Integer maxTokens;

    @Option(names = "--transformer-epochs", paramLabel = "N", description = "Epochs per transformer round (default: 3).")
    Integer epochs;

    @Option(names = "--transformer-holdout", defaultValue = "1000", paramLabel = "N",
            description = "Holdout reviews the transformer is scored on each round, a seeded sample; 0 for all"
                    + " (default: ${DEFAULT-VALUE}).")
    int holdoutSample;

    boolean enabled() {
        if (!model.equals(NGRAM) && !model.equals(TRANSFORMER)) {
            throw new IllegalArgumentException("--model must be ngram or transformer, was " + model);
        }
        return model.equals(TRANSFORMER);
    }

    TransformerSettings transformerSettings(long seed) {
        TransformerSettings settings = TransformerClassifier.defaultSettings(seed);
        if (maxTokens != null) {
            settings = settings.withMaxTokens(maxTokens);
        }
        if (epochs != null) {
            settings = settings.withEpochs(epochs);
        }
        return settings;
    }

    TwoSpeedSettings twoSpeedSettings(long seed, boolean gpu) {
        TwoSpeedSettings settings = gpu ? TwoSpeedSettings.forGpu(seed) : TwoSpeedSettings.forCpu(seed);
        if (every != null) {
            settings = settings.withEveryBatches(every);
        }
        if (candidates != null || randomCandidates != null) {
            settings = settings.withCandidates(candidates != null ? candidates : settings.uncertainCandidates(),
                    randomCandidates != null ? randomCandidates : settings.randomCandidates());
        }
        if (minLabels != null) {
            settings = settings.withMinLabels(minLabels);
        }
        if (auditShare != null) {
            settings = settings.withAuditShare(auditShare);
        }
        return settings.withStrategy(strategy);
    }

    /** The encoder named by --encoder; hub downloads are cached under {@code <data folder>/encoders}. */
    PretrainedEncoder resolveEncoder(Path dataFolder, TerminalProgress progress) {
        return EncoderCatalog.resolve(encoder, dataFolder.resolve("encoders"),
                (file, done, total) -> progress.update("Downloading " + file, done, Math.max(total, done)));
    }
}
