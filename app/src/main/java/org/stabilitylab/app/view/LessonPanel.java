package org.stabilitylab.app.view;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.stabilitylab.app.vm.ExperimentFormModel;
import org.stabilitylab.engine.config.Experiment;

/** Side panel for teaching: the loaded preset's description and lesson, and how to read the charts. */
public final class LessonPanel extends ScrollPane {
    private final Label title = new Label();
    private final Label description = new Label();
    private final Label lesson = new Label();

    public LessonPanel(ExperimentFormModel form) {
        getStyleClass().add("lesson-panel");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        title.getStyleClass().add("panel-title");
        title.setWrapText(true);
        description.setWrapText(true);
        description.getStyleClass().add("lesson-description");
        lesson.setWrapText(true);
        lesson.setId("lesson-text");
        lesson.getStyleClass().add("lesson-text");
        Label readHead = new Label("Reading the charts");
        readHead.getStyleClass().add("section-title");
        Label read = new Label(Help.text("lesson.charts"));
        read.setWrapText(true);
        read.getStyleClass().add("hint");
        VBox box = new VBox(8, title, description, lesson, readHead, read);
        box.setPadding(new Insets(10));
        setContent(box);
        form.loadedProperty().addListener((o, a, b) -> show(b));
        show(form.loadedProperty().get());
        setPrefWidth(270);
        setMinWidth(200);
    }

    private void show(Experiment e) {
        if (e == null) {
            return;
        }
        title.setText(e.name());
        description.setText(e.description());
        lesson.setText(e.lesson() == null || e.lesson().isBlank() ? Help.text("lesson.default") : e.lesson());
    }
}
