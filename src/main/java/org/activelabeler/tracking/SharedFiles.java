package org.activelabeler.tracking;

import java.util.ArrayList;
import java.util.List;
import org.activelabeler.modelpackage.LocalPart;
import org.activelabeler.modelpackage.PackageFile;

/**
 * Files that many model versions share (a dataset's fitted features), kept once per tracking server as
 * the artifacts of one run of the experiment {@value #EXPERIMENT}, found again by its address. Sent
 * once: when the run is there and finished, nothing is uploaded again.
 *
 * @param run {@link #runOf} the address
 * @param kind what the files are, e.g. {@code features}
 * @param sha256 the part's address (see {@link org.activelabeler.modelpackage.SharedPart})
 */
public record SharedFiles(RunRef run, String kind, String sha256, List<ArtifactFile> files) implements TrackingEvent {
    public static final String EXPERIMENT = "active-labeler-model-parts";
    public static final String ADDRESS_TAG = "active_labeler.part.sha256";
    public static final String KIND_TAG = "active_labeler.part.kind";

    public SharedFiles {
        files = List.copyOf(files);
    }

    /** The files of a part in its local folder, to send. */
    public static SharedFiles of(LocalPart local) {
        List<ArtifactFile> files = new ArrayList<>();
        for (PackageFile file : local.part().files()) {
            files.add(new ArtifactFile(local.folder().resolve(file.path()).toAbsolutePath().toString(), file.path()));
        }
        return new SharedFiles(runOf(local.part().sha256()), local.part().kind(), local.part().sha256(), files);
    }

    /** The run that holds the part of this address. */
    public static RunRef runOf(String sha256) {
        return new RunRef(EXPERIMENT, "part-" + sha256);
    }
}
