package org.stabilitylab.app.view;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.stabilitylab.app.vm.LabViewModel;

/** Run, Pause/Resume (Space), Step, Stop (Esc), Reset and Compare, plus why Run is disabled when it is. */
public final class MainToolbar extends ToolBar {
    private final Button run = button("Run", Icons.PLAY, "run", "Train the form's experiment (Space)");
    private final Button pause = button("Pause", Icons.PAUSE, "pause", "Pause or resume the live runs (Space)");
    private final Button step = button("Step", Icons.STEP, "step", "One optimiser step, then stay paused");
    private final Button stop = button("Stop", Icons.STOP, "stop", "Stop the live runs (Esc)");
    private final Button reset = button("Reset", Icons.RESET, "reset", "Stop everything and clear the runs");
    private final Button compare = button("Compare", Icons.COMPARE, "compare",
            "Train Post-LN, Pre-LN and Admin side by side: same seed, every other setting equal");
    private final Label problem = new Label();

    public MainToolbar(LabViewModel lab) {
        getStyleClass().add("main-toolbar");
        var runs = lab.runs();
        run.setOnAction(e -> lab.run());
        run.disableProperty().bind(lab.runDisabledProperty());
        compare.setOnAction(e -> lab.compare());
        compare.disableProperty().bind(lab.runDisabledProperty());
        compare.getStyleClass().add("accent");
        pause.setOnAction(e -> lab.runOrPause());
        pause.disableProperty().bind(runs.liveProperty().not());
        pause.textProperty().bind(Bindings.when(runs.pausedProperty()).then("Resume").otherwise("Pause"));
        runs.pausedProperty().addListener((o, a, b) -> pause.setGraphic(Icons.of(b ? Icons.PLAY : Icons.PAUSE)));
        step.setOnAction(e -> lab.step());
        step.disableProperty().bind(runs.liveProperty().not().and(lab.runDisabledProperty()));
        stop.setOnAction(e -> lab.stop());
        stop.disableProperty().bind(runs.liveProperty().not());
        reset.setOnAction(e -> lab.reset());
        reset.disableProperty().bind(Bindings.isEmpty(runs.runs()));

        problem.setId("run-problem");
        problem.getStyleClass().add("run-problem");
        problem.textProperty().bind(Bindings.createStringBinding(
                () -> lab.form().problemProperty().get().isEmpty() ? ""
                        : "Cannot run: " + lab.form().problemProperty().get(),
                lab.form().problemProperty()));
        problem.setMinWidth(0);
        problem.setMaxWidth(520);

        ToggleButton lesson = new ToggleButton("Lesson", Icons.of(Icons.BOOK));
        lesson.setId("toggle-lesson");
        lesson.setFocusTraversable(false);
        lesson.selectedProperty().bindBidirectional(lab.lessonVisibleProperty());
        lesson.setTooltip(new Tooltip("Show the preset's lesson beside the charts"));
        ToggleButton present = new ToggleButton("Present", Icons.of(Icons.SCREEN));
        present.setId("toggle-presentation");
        present.setFocusTraversable(false);
        present.selectedProperty().bindBidirectional(lab.presentationProperty());
        present.setTooltip(new Tooltip("Presentation mode: larger text and charts for a lecture hall (F11)"));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getItems().addAll(run, pause, step, stop, reset, new Separator(), compare, new Separator(), problem, gap,
                lesson, present);
    }

    private static Button button(String text, String icon, String id, String tip) {
        Button b = new Button(text, Icons.of(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }

    public Button runButton() {
        return run;
    }

    public Label problemLabel() {
        return problem;
    }
}
