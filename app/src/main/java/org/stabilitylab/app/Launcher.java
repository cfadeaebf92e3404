package org.stabilitylab.app;

/** Plain main class so JavaFX starts from the class path (an Application subclass as main cannot). */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.out.println("placeholder");
    }
}
