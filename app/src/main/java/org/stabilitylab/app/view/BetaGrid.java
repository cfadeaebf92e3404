package org.stabilitylab.app.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import org.stabilitylab.app.chart.HeatmapChart;
import org.stabilitylab.app.vm.RunViewModel;
import org.stabilitylab.app.vm.RunsViewModel;

/** The residual-dependency picture for every visible run side by side: betaOwn, sublayer x step, 0..1. */
public final class BetaGrid extends StackPane {
    private final List<HeatmapChart> charts = new ArrayList<>();
    private final List<ChartPane> panes = new ArrayList<>();
    private final GridPane grid = new GridPane();
    private final Supplier<List<RunViewModel>> visible;
    private final Label empty = new Label("Start a run (or Compare) to see how much each sublayer leans on its own branch.\n"
            + "\u03b2_ii near 1: the layer's output is mostly its own branch; Post-LN keeps it high at every depth.");

    public BetaGrid(RunsViewModel runs, Supplier<List<RunViewModel>> visible) {
        this.visible = visible;
        for (int i = 0; i < RunsViewModel.MAX_RUNS; i++) {
            HeatmapChart c = new HeatmapChart("dependency-" + (i + 1), "", "\u03b2_ii",
                    l -> l.betaOwn(), 0, 1, true);
            c.setSlot(i);
            charts.add(c);
            ChartPane p = new ChartPane(c, visible);
            GridPane.setHgrow(p, Priority.ALWAYS);
            GridPane.setVgrow(p, Priority.ALWAYS);
            panes.add(p);
        }
        empty.getStyleClass().add("hint");
        grid.setHgap(4);
        grid.setVgap(4);
        getChildren().addAll(grid, empty);
        runs.runs().addListener((ListChangeListener<RunViewModel>) c -> layoutCells());
        layoutCells();
    }

    public List<HeatmapChart> charts() {
        return charts;
    }

    private void layoutCells() {
        int n = visible.get().size();
        grid.getChildren().clear();
        int cols = n <= 1 ? 1 : n <= 4 ? 2 : 3;
        for (int i = 0; i < n; i++) {
            grid.add(panes.get(i), i % cols, i / cols);
        }
        empty.setVisible(n == 0);
    }
}
