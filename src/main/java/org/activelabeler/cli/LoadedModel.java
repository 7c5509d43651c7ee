package org.activelabeler.cli;

import java.util.Map;
import org.activelabeler.app.ModelCacheFolder;
import org.activelabeler.app.ModelFetcher;
import org.activelabeler.app.ModelReference;
import org.activelabeler.app.ModelRuntime;
import org.activelabeler.app.TrackingSession;
import org.activelabeler.app.Workspace;
import org.activelabeler.modelpackage.PackagedModel;
import org.activelabeler.tracking.ModelVersions;

/**
 * A model package named by {@code --model}, fetched when needed and loaded: what {@code predict},
 * {@code serve} and {@code evaluate} score with. The tracking server is only reached for
 * {@code models:/} and {@code runs:/} references.
 *
 * @param description what it is, for people
 */
record LoadedModel(PackagedModel model, String description) implements AutoCloseable {

    static LoadedModel open(String reference, Workspace workspace, String trackingUri, TerminalProgress progress) {
        ModelReference parsed = ModelReference.parse(reference);
        TrackingSession[] session = new TrackingSession[1];
        try (ModelFetcher fetcher = new ModelFetcher(ModelCacheFolder.resolve(), () -> {
            session[0] = TrackingSession.open(workspace, trackingUri, Map.copyOf(System.getenv()));
            ModelVersions versions = session[0].modelVersions();
            return versions;
        })) {
            ModelFetcher.Fetched fetched = fetcher.fetch(parsed, progress);
            if (fetched.note() != null) {
                progress.close();
                System.err.println(fetched.note());
            }
            progress.update("Loading " + fetched.description(), 0, 1);
            PackagedModel model = PackagedModel.open(fetched.folder(),
                    new ModelRuntime(workspace.folder().resolve("encoders")),
                    PackagedModel.standaloneFirst(fetched.folder(), fetcher.parts()));
            progress.update("Loading " + fetched.description(), 1, 1);
            return new LoadedModel(model, fetched.description());
        } finally {
            if (session[0] != null) {
                session[0].close();
            }
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
