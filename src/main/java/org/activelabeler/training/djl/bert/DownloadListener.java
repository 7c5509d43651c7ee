package org.activelabeler.training.djl.bert;

/** Hears how far the download of an encoder file got. */
@FunctionalInterface
public interface DownloadListener {
    DownloadListener NONE = (file, done, total) -> { };

    /**
     * @param file the file being downloaded, such as {@code model.safetensors}
     * @param done bytes received so far
     * @param total the size announced by the server, or -1 when it announced none
     */
    void progress(String file, long done, long total);
}
