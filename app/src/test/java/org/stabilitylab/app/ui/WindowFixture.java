package org.stabilitylab.app.ui;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.stabilitylab.app.App;
import org.stabilitylab.app.TinyPreset;
import org.stabilitylab.app.io.UserData;
import org.stabilitylab.app.run.EngineRunSource;
import org.stabilitylab.app.view.MainView;
import org.stabilitylab.app.vm.LabViewModel;

/** Builds the real window around the real engine on the tiny preset, with user data in a temp folder. */
final class WindowFixture {
    private WindowFixture() {
    }

    static MainView open(Stage stage, Path home, int steps) {
        LabViewModel lab = new LabViewModel(new EngineRunSource(), new UserData(home), TinyPreset.experiment(steps),
                Platform::runLater);
        lab.lessonVisibleProperty().set(false);
        MainView view = new MainView(lab);
        view.notifier().setPopups(false);
        stage.setScene(App.scene(view, 1280, 820));
        stage.show();
        view.attach(stage);
        return view;
    }
}
