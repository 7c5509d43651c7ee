package org.activelabeler.app;

/** The version of this build, from the jar manifest (or "dev" when run from classes). */
public final class AppVersion {
    private AppVersion() {
    }

    public static String get() {
        String version = AppVersion.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
