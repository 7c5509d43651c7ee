package org.activelabeler.round;

import org.activelabeler.model.TextClassifier;
import org.activelabeler.progress.Progress;
import org.activelabeler.twospeed.TwoSpeedSettings;

/** Makes the slow model of the two-speed loop; every method runs on the transformer's own thread. */
public interface TransformerFactory {

    /** {@link TwoSpeedSettings#forGpu} when the transformer will run on a GPU, else {@link TwoSpeedSettings#forCpu}. */
    TwoSpeedSettings twoSpeedDefaults(long seed);

    /** Forward passes with dropout when the transformer ranks by BALD. */
    int dropoutPasses(long seed);

    /**
     * Loads the encoder (a download reports through {@code progress}); called once per opened dataset.
     *
     * @param classes the size of the dataset's label set
     */
    TextClassifier create(long seed, int classes, Progress progress);
}
