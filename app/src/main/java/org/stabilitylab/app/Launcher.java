package org.stabilitylab.app;

import javafx.application.Application;

/** Plain main class so JavaFX starts from the class path (an Application subclass as main cannot). */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        try {
            AppOptions.parse(java.util.List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        Application.launch(App.class, args);
    }
}
