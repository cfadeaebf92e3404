package org.stabilitylab.app;

import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.stabilitylab.app.io.UserData;
import org.stabilitylab.app.run.EngineRunSource;
import org.stabilitylab.app.view.ErrorHandler;
import org.stabilitylab.app.view.MainView;
import org.stabilitylab.app.vm.LabViewModel;

/** The desktop application: one window on the default (or chosen) preset, ready to press Run. */
public final class App extends Application {

    @Override
    public void start(Stage stage) {
        AppOptions opts = AppOptions.parse(getParameters().getRaw());
        StartupPreset initial = StartupPreset.of(opts.preset());
        LabViewModel lab = new LabViewModel(new EngineRunSource(), UserData.standard(), initial.experiment(),
                Platform::runLater);
        MainView view = new MainView(lab);
        ErrorHandler.install(view.notifier());
        stage.setScene(scene(view, opts.width(), opts.height()));
        stage.setTitle("Transformer Stability Lab");
        stage.getIcons().addAll(icons());
        stage.show();
        view.attach(stage);
        lab.presentationProperty().set(opts.presentation());
        describeBackend(view);
        if (initial.problem() != null) {
            view.notifier().show(initial.problem());
        }
        if (opts.screenshot() != null) {
            new ScreenshotMode(view, stage, opts).start();
        }
    }

    /** The scene with the app's style sheet; shared with the UI tests. */
    public static Scene scene(MainView view, double width, double height) {
        Scene scene = new Scene(view, width, height);
        scene.getStylesheets().add(Objects.requireNonNull(App.class.getResource("css/app.css")).toExternalForm());
        return scene;
    }

    /** The program icon in the sizes shipped under resources/icons (the same image the installer uses). */
    public static java.util.List<Image> icons() {
        java.util.List<Image> out = new java.util.ArrayList<>();
        for (int size : new int[] {256, 64, 32}) {
            var in = App.class.getResourceAsStream("icons/app-" + size + ".png");
            if (in != null) {
                out.add(new Image(in));
            }
        }
        return out;
    }

    /** Asks the engine for its backend off the FX thread (the first call loads the native libraries). */
    public static void describeBackend(MainView view) {
        Thread t = new Thread(() -> {
            String shown = VersionInfo.backend();
            Platform.runLater(() -> view.setBackendText(shown));
        }, "engine-info");
        t.setDaemon(true);
        t.start();
    }
}
