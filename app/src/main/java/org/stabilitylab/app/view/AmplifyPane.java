package org.stabilitylab.app.view;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.stabilitylab.app.chart.AmplifyChart;
import org.stabilitylab.app.vm.AmplifyViewModel;
import org.stabilitylab.app.vm.LabViewModel;
import org.stabilitylab.engine.config.BadInputException;

/** The amplification tab: depth list, seeds, Measure / Cancel with progress, and the log-log chart. */
public final class AmplifyPane extends VBox {
    private final AmplifyChart chart = new AmplifyChart();
    private final Button measure = new Button("Measure");

    public AmplifyPane(LabViewModel lab) {
        AmplifyViewModel vm = lab.amplify();
        chart.setPoints(vm.points());
        TextField depths = new TextField();
        depths.setId("amplify-depths");
        depths.setPrefColumnCount(12);
        depths.textProperty().bindBidirectional(vm.depthsProperty());
        depths.setTooltip(new Tooltip("Layers per stack to build and probe, comma-separated"));
        Spinner<Integer> seeds = new Spinner<>(1, 10, vm.seedsProperty().get());
        seeds.setPrefWidth(70);
        seeds.valueProperty().addListener((o, a, b) -> vm.seedsProperty().set(b));
        measure.setId("amplify-measure");
        measure.setDefaultButton(false);
        measure.setOnAction(e -> {
            if (vm.runningProperty().get()) {
                vm.cancel();
                return;
            }
            if (lab.form().experiment() == null) {
                lab.statusProperty().set("Cannot measure: " + lab.form().problemProperty().get());
                return;
            }
            try {
                vm.start(lab.form().experiment());
            } catch (BadInputException ex) {
                lab.statusProperty().set(ex.getMessage());
            }
        });
        measure.textProperty().bind(javafx.beans.binding.Bindings.when(vm.runningProperty())
                .then("Cancel").otherwise("Measure"));
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.runningProperty());
        progress.setPrefWidth(160);
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add("hint");
        HBox bar = new HBox(8, new Label("Depths"), depths, new Label("Seeds"), seeds, measure, progress, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));
        Label explain = new Label("Builds each model at initialisation with the form's settings, perturbs every weight by "
                + "\u00b1eps and measures how much the output moves. Post-LN grows about linearly with depth; "
                + "Pre-LN and Admin about logarithmically.");
        explain.setWrapText(true);
        explain.getStyleClass().add("hint");
        explain.setPadding(new Insets(0, 6, 4, 6));
        ChartPane pane = new ChartPane(chart, List::of);
        VBox.setVgrow(pane, Priority.ALWAYS);
        getChildren().addAll(bar, explain, pane);
        vm.runningProperty().addListener((o, a, b) -> chart.refresh(List.of(), null, true));
    }

    public AmplifyChart chart() {
        return chart;
    }

    public Button measureButton() {
        return measure;
    }
}
