package org.stabilitylab.app;

import java.nio.file.Path;
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
    private java.util.Deque<Integer> pending;
    private boolean many;
    private boolean failed;

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
        int count = view.board().getTabs().size();
        pending = new java.util.ArrayDeque<>();
        for (int t : opts.tabs().isEmpty() ? java.util.stream.IntStream.range(0, count).boxed().toList() : opts.tabs()) {
            pending.add(Math.min(t, count - 1));
        }
        many = pending.size() > 1;
        next();
    }

    private void next() {
        Integer tab = pending.poll();
        if (tab == null) {
            Platform.exit();
            System.exit(failed ? 1 : 0);
            return;
        }
        view.board().getSelectionModel().select(tab);
        view.driver().tick();
        view.board().refreshAll();
        PauseTransition settle = new PauseTransition(Duration.millis(700));
        settle.setOnFinished(e -> {
            shoot(tab);
            next();
        });
        settle.play();
    }

    private void shoot(int tab) {
        Path file = opts.screenshot();
        if (many) {
            String name = file.getFileName().toString().replaceFirst("\\.png$", "");
            file = file.resolveSibling(name + "-" + tab + ".png");
        }
        try {
            view.driver().tick();
            Screenshot.save(stage.getScene(), file);
            System.out.println("screenshot: " + file.toAbsolutePath());
        } catch (Exception ex) {
            ex.printStackTrace();
            failed = true;
        }
    }
}
