package org.activelabeler.ui;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.activelabeler.round.ClassifierFactory;
import org.activelabeler.ui.task.FxTaskExecutor;
import org.activelabeler.ui.task.TaskExecutor;
import org.activelabeler.ui.transformer.EncoderTransformerFactory;
import org.activelabeler.round.TransformerFactory;
import org.activelabeler.round.VectorSource;

/**
 * What differs between the desktop app and its tests: the data folder, the background executors,
 * the models, how links open, and whether pop-up notifications show.
 *
 * @param textReader reads review texts ahead of need (never the training thread)
 * @param browser opens an address in the browser
 * @param env the environment, for {@code MLFLOW_TRACKING_URI}
 * @param uiThread runs a piece of work on the UI thread (MLflow links come from the tracking thread)
 * @param transformerExecutor the transformer's own background thread, so that fast retrains never wait on it
 * @param transformers makes the transformer of the two-speed loop
 * @param embeddings the sentence vectors of the fast model's embeddings block, computed in the
 *     background on the transformer's thread; null to keep the fast model on the text's own features
 */
public record AppConfig(Path folder, TaskExecutor executor, Executor textReader, ClassifierFactory classifiers,
                        Consumer<String> browser, boolean notifications, Map<String, String> env,
                        Executor uiThread, TaskExecutor transformerExecutor, TransformerFactory transformers,
                        VectorSource embeddings) {
    /** desktop.properties: the encoder of the embeddings block, or {@value #EMBEDDINGS_OFF}. */
    public static final String EMBEDDINGS_SETTING = "embeddings.encoder";
    public static final String EMBEDDINGS_OFF = "off";

    /** On the JavaFX application thread, with the configured encoder on a thread of its own; no embeddings. */
    public AppConfig(Path folder, TaskExecutor executor, Executor textReader, ClassifierFactory classifiers,
                     Consumer<String> browser, boolean notifications, Map<String, String> env) {
        this(folder, executor, textReader, classifiers, browser, notifications, env, null);
    }

    /** As above, with the embeddings block's vectors from {@code embeddings} (null for none). */
    public AppConfig(Path folder, TaskExecutor executor, Executor textReader, ClassifierFactory classifiers,
                     Consumer<String> browser, boolean notifications, Map<String, String> env,
                     VectorSource embeddings) {
        this(folder, executor, textReader, classifiers, browser, notifications, env, javafx.application.Platform::runLater,
                new FxTaskExecutor("active-labeler-transformer"), new EncoderTransformerFactory(folder.resolve("encoders"),
                        () -> System.getProperty("activelabeler.encoder", UiSettings.load(folder)
                                .get(EncoderTransformerFactory.SETTING, EncoderTransformerFactory.DEFAULT_ENCODER))),
                embeddings);
    }

    /** The embeddings the desktop app uses: the setting's encoder (bge-small-en-v1.5 by default), or none when off. */
    public static VectorSource desktopEmbeddings(Path folder) {
        String encoder = System.getProperty("activelabeler.embeddings", UiSettings.load(folder)
                .get(EMBEDDINGS_SETTING, org.activelabeler.app.TextVectors.DEFAULT_ENCODER));
        return EMBEDDINGS_OFF.equalsIgnoreCase(encoder.strip()) ? null
                : new org.activelabeler.app.CachedVectors(encoder, folder.resolve("encoders"));
    }
}
