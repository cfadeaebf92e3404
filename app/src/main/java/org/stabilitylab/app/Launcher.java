package org.stabilitylab.app;

import javafx.application.Application;

/** Plain main class so JavaFX starts from the class path (an Application subclass as main cannot). */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        org.stabilitylab.engine.model.NativeThreads.beforeNd4jLoads();
        org.stabilitylab.engine.model.HeapPolicy.keepCompact();
        AppOptions opts;
        try {
            opts = AppOptions.parse(java.util.List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (opts.help()) {
            System.out.println(AppOptions.USAGE);
            System.exit(0);
        }
        if (opts.version()) {
            // answered without a window (and without touching JavaFX), so it works over ssh and in scripts
            System.out.println(VersionInfo.current());
            System.exit(0);
        }
        Application.launch(App.class, args);
    }
}
