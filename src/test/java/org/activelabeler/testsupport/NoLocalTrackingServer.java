package org.activelabeler.testsupport;

import org.activelabeler.app.TrackingTarget;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test class (see {@code junit-platform.properties} and
 * {@code META-INF/services}): sets the tracking switch to {@code off}, so that no test starts a
 * local MLflow server by accident. Tests that need a server say which.
 */
public final class NoLocalTrackingServer implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        System.setProperty(TrackingTarget.SWITCH_PROPERTY, "off");
    }
}
