package org.activelabeler.tracking;

/**
 * One record for the tracking server. Every event names its run by a key the app chose, so that it
 * can wait in the outbox and be sent later, and sending it twice does no harm.
 */
public sealed interface TrackingEvent permits RunStart, RunData, ModelRegistration, RunEnd, SharedFiles {

    RunRef run();
}
