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
        loadEngine();
        Application.launch(App.class, args);
    }

    /**
     * Loads the engine's native libraries and sets its thread counts before JavaFX starts, not on a
     * thread beside it. Why: ND4J's start-up looks OpenBLAS symbols up with dl_iterate_phdr and a
     * nested dlsym, which deadlocks against JavaFX loading its own libraries at the same moment (the
     * start-up hang the smoke test met in ~2 of 43 launches: one thread in dlsym, the renderer in
     * dlopen of libdecora_sse). Costs ~0.9 s before the window; a failure is shown in the window.
     */
    private static void loadEngine() {
        try {
            org.stabilitylab.engine.model.NativeThreads.configure();
            org.stabilitylab.engine.EngineInfo.backend();
        } catch (RuntimeException | LinkageError e) {
            // VersionInfo.backend() reports it in the status bar once the window is up
        }
    }
}
