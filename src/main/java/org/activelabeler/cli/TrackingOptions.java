package org.activelabeler.cli;

import picocli.CommandLine.Option;

/** Options of the commands that send runs to MLflow. */
final class TrackingOptions {
    @Option(names = "--tracking-uri", paramLabel = "URI",
            description = "MLflow tracking server, http(s) (default: MLFLOW_TRACKING_URI; without either, records"
                    + " wait in the outbox).")
    String trackingUri;
}
