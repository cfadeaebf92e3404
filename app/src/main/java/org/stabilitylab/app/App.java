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
import org.stabilitylab.engine.EngineInfo;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;

/** The desktop application: one window on the default (or chosen) preset, ready to press Run. */
public final class App extends Application {

    @Override
    public void start(Stage stage) {
        AppOptions opts = AppOptions.parse(getParameters().getRaw());
        Experiment initial = opts.preset() != null ? Presets.load(opts.preset()) : Presets.defaults();
        LabViewModel lab = new LabViewModel(new EngineRunSource(), UserData.standard(), initial, Platform::runLater);
        MainView view = new MainView(lab);
        ErrorHandler.install(view.notifier());
        stage.setScene(scene(view, opts.width(), opts.height()));
        stage.setTitle("Transformer Stability Lab");
        var icon = App.class.getResourceAsStream("icons/app-256.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        stage.show();
        view.attach(stage);
        lab.presentationProperty().set(opts.presentation());
        describeBackend(view);
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

    /** Asks the engine for its backend off the FX thread (the first call loads the native libraries). */
    public static void describeBackend(MainView view) {
        Thread t = new Thread(() -> {
            String text;
            try {
                text = EngineInfo.backend().replace(" null (", " (") + " \u00b7 " + EngineInfo.device();
            } catch (RuntimeException | Error e) {
                text = "backend unavailable: " + e.getMessage();
            }
            String shown = text;
            Platform.runLater(() -> view.setBackendText(shown));
        }, "engine-info");
        t.setDaemon(true);
        t.start();
    }
}
