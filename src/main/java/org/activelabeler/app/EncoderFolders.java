package org.activelabeler.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.activelabeler.modelpackage.EncoderRef;
import org.activelabeler.modelpackage.LocalPart;
import org.activelabeler.modelpackage.ModelPackage;
import org.activelabeler.modelpackage.SharedPart;
import org.activelabeler.training.djl.bert.DownloadListener;
import org.activelabeler.training.djl.bert.EncoderCatalog;
import org.activelabeler.training.djl.bert.PretrainedEncoder;

/**
 * The files of an encoder that does not ship with the app (a folder in Hugging Face layout, or a hub
 * model downloaded into the data folder), as a shared part of the models trained on its vectors, so that
 * a machine without that folder or network access can still score with them.
 */
public final class EncoderFolders implements ModelPackage.EncoderParts {
    private static final List<String> FILES = List.of("config.json", "tokenizer.json", "model.safetensors",
            "modules.json", "1_Pooling/config.json");
    private final Path encoders;

    /** @param encoders where downloaded encoders are kept (a data folder's {@code encoders}) */
    public EncoderFolders(Path encoders) {
        this.encoders = encoders;
    }

    @Override
    public LocalPart of(EncoderRef encoder) {
        PretrainedEncoder definition = EncoderCatalog.resolve(encoder.name(), encoders, DownloadListener.NONE);
        if (!(definition.weights() instanceof PretrainedEncoder.WeightSource.SafetensorsFile file)) {
            return null;
        }
        Path folder = file.file().getParent();
        List<String> present = new ArrayList<>();
        for (String name : FILES) {
            if (Files.isRegularFile(folder.resolve(name))) {
                present.add(name);
            }
        }
        return new LocalPart(SharedPart.of(SharedPart.ENCODER, folder, present), folder);
    }
}
