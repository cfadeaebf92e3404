package org.stabilitylab.app;

import org.stabilitylab.engine.EngineInfo;

/** The one version text that {@code --version} prints and the About dialog shows, so the two never disagree. */
public final class VersionInfo {
    public static final String NAME = "Transformer Stability Lab";

    private VersionInfo() {
    }

    /** Three lines: program and version, ND4J backend, Java version. */
    public static String text(String version, String backend, String java) {
        return NAME + " " + version + "\nND4J backend: " + backend + "\nJava: " + java;
    }

    /** The text for this installation; asks ND4J for its backend, which loads the native libraries (about 1 s). */
    public static String current() {
        return text(EngineInfo.version(), backend(), EngineInfo.java());
    }

    /** The backend with the device, or why it could not be loaded (never throws: --version must still answer). */
    public static String backend() {
        try {
            return EngineInfo.backend().replace(" null (", " (") + " \u00b7 " + EngineInfo.device();
        } catch (RuntimeException | Error e) {
            return "unavailable: " + e.getMessage();
        }
    }
}
