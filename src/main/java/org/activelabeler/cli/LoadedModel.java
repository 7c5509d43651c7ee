package org.activelabeler.cli;

import java.util.Map;
import org.activelabeler.app.ModelCacheFolder;
import org.activelabeler.app.ModelFetcher;
import org.activelabeler.app.ModelReference;
import org.activelabeler.app.ModelRuntime;
import java.nio.file.Path;
import org.activelabeler.app.DataFolder;
import org.activelabeler.app.TrackingTarget;
import org.activelabeler.modelpackage.PackagedModel;

/**
 * A model package named by {@code --model}, fetched when needed and loaded: what {@code predict},
 * {@code serve} and {@code evaluate} score with. The tracking server is only reached for
 * {@code models:/} and {@code runs:/} references.
 *
 * @param description what it is, for people
 */
record LoadedModel(PackagedModel model, String description) implements AutoCloseable {

    /**
     * @param dataFolder the data folder (its local MLflow server, its downloaded encoders); its database
     *     is not opened, so this works while the window has the folder open
     */
    static LoadedModel open(String reference, Path dataFolder, String trackingUri, TerminalProgress progress) {
        ModelReference parsed = ModelReference.parse(reference);
        Path folder = dataFolder != null ? dataFolder : DataFolder.resolve();
        TrackingTarget[] target = new TrackingTarget[1];
        try (ModelFetcher fetcher = new ModelFetcher(ModelCacheFolder.resolve(), () -> {
            target[0] = TrackingTarget.resolve(folder, trackingUri, Map.copyOf(System.getenv()));
            return target[0].modelVersions();
        })) {
            ModelFetcher.Fetched fetched = fetcher.fetch(parsed, progress);
            if (fetched.note() != null) {
                progress.close();
                System.err.println(fetched.note());
            }
            progress.update("Loading " + fetched.description(), 0, 1);
            PackagedModel model = PackagedModel.open(fetched.folder(),
                    new ModelRuntime(folder.resolve("encoders")),
                    PackagedModel.standaloneFirst(fetched.folder(), fetcher.parts()));
            progress.update("Loading " + fetched.description(), 1, 1);
            return new LoadedModel(model, fetched.description());
        } finally {
            if (target[0] != null) {
                target[0].close();
            }
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
