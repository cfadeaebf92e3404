package org.stabilitylab.app.view;

import javafx.application.Platform;
import org.stabilitylab.app.vm.Alert;

/** Turns any uncaught exception, on any thread, into a notification the user sees; the app keeps going. */
public final class ErrorHandler {
    private ErrorHandler() {
    }

    public static void install(Notifier notifier) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            error.printStackTrace();
            String text = error.getClass().getSimpleName()
                    + (error.getMessage() == null ? "" : ": " + error.getMessage()) + " (thread " + thread.getName() + ")";
            Runnable show = () -> notifier.show(new Alert("Something went wrong", text, true));
            if (Platform.isFxApplicationThread()) {
                show.run();
            } else {
                Platform.runLater(show);
            }
        });
    }
}
