package org.stabilitylab.app;

import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.stabilitylab.app.view.MainView;
import org.stabilitylab.app.view.Screenshot;
import org.stabilitylab.app.vm.LabViewModel;

/** --screenshot: runs the preset (or Compare) for N steps, renders the window to a PNG and exits. */
final class ScreenshotMode {
    private static final long TIMEOUT_MS = 15 * 60 * 1000L;
    private final MainView view;
    private final Stage stage;
    private final AppOptions opts;
    private final long started = System.currentTimeMillis();
    private Timeline poll;

    ScreenshotMode(MainView view, Stage stage, AppOptions opts) {
        this.view = view;
        this.stage = stage;
        this.opts = opts;
    }

    void start() {
        LabViewModel lab = view.lab();
        view.notifier().setPopups(false);
        if (opts.steps() > 0) {
            lab.form().set("train.steps", Integer.toString(opts.steps()));
            if (opts.compare()) {
                lab.compare();
            } else {
                lab.run();
            }
        }
        if (opts.amplify()) {
            lab.amplify().start(lab.form().experiment());
        }
        poll = new Timeline(new KeyFrame(Duration.millis(300), e -> check()));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    private void check() {
        LabViewModel lab = view.lab();
        boolean busy = lab.runs().liveProperty().get() || lab.amplify().runningProperty().get();
        boolean late = System.currentTimeMillis() - started > TIMEOUT_MS;
        if (busy && !late) {
            return;
        }
        poll.stop();
        if (late) {
            lab.runs().stop();
        }
        int tabs = view.board().getTabs().size();
        view.board().getSelectionModel().select(Math.min(opts.tab(), tabs - 1));
        view.driver().tick();
        view.board().refreshAll();
        PauseTransition settle = new PauseTransition(Duration.millis(700));
        settle.setOnFinished(e -> shoot());
        settle.play();
    }

    private void shoot() {
        int code = 0;
        try {
            view.driver().tick();
            Screenshot.save(stage.getScene(), opts.screenshot());
            System.out.println("screenshot: " + opts.screenshot().toAbsolutePath());
        } catch (Exception ex) {
            ex.printStackTrace();
            code = 1;
        }
        int exit = code;
        Platform.exit();
        System.exit(exit);
    }
}
