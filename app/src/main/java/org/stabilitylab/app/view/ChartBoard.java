package org.stabilitylab.app.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import org.stabilitylab.app.chart.GradNormChart;
import org.stabilitylab.app.chart.LayerLinesChart;
import org.stabilitylab.app.chart.LineSpec;
import org.stabilitylab.app.chart.LiveChart;
import org.stabilitylab.app.chart.RunLinesChart;
import org.stabilitylab.app.chart.HeatmapChart;
import org.stabilitylab.app.vm.LabViewModel;
import org.stabilitylab.app.vm.RunViewModel;
import org.stabilitylab.app.vm.RunsViewModel;
import org.stabilitylab.engine.run.LayerMetrics;

/**
 * The chart tabs. Only the charts on the shown tab are refreshed; a tab is brought up to date
 * when it is shown again. All refreshes happen on the FX thread from the frame driver.
 */
public final class ChartBoard extends TabPane {
    private final RunsViewModel runs;
    private final RunLinesChart loss;
    private final RunLinesChart divergence;
    private final RunLinesChart gradTotal;
    private final LayerLinesChart layerLines;
    private final HeatmapChart layerHeat;
    private final GradNormChart gradNorms;
    private final BetaGrid betaGrid;
    private final AmplifyPane amplifyPane;
    private final List<List<LiveChart>> perTab = new ArrayList<>();
    private boolean forceNext = true;

    public ChartBoard(LabViewModel lab) {
        this.runs = lab.runs();
        Supplier<List<RunViewModel>> visible = this::visibleRuns;
        getStyleClass().add("chart-board");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);

        loss = new RunLinesChart("loss", "Loss", "cross-entropy", false, List.of(
                new LineSpec("train", d -> d.loss, false, true),
                new LineSpec("val", d -> d.valLoss, true, false)));
        CheckBox lossLog = new CheckBox("log y");
        lossLog.setId("loss-log");
        lossLog.selectedProperty().addListener((o, a, b) -> {
            loss.setLog(b);
            forceNext = true;
        });
        Slider smooth = new Slider(0, 0.99, 0.6);
        smooth.setId("loss-smoothing");
        smooth.setPrefWidth(120);
        smooth.setTooltip(new Tooltip("Exponential moving average of the training loss (0 = raw)"));
        Label smoothLabel = new Label();
        smoothLabel.textProperty().bind(smooth.valueProperty().asString("smoothing %.2f"));
        smooth.valueProperty().addListener((o, a, b) -> {
            loss.setSmoothing(b.doubleValue());
            forceNext = true;
        });
        loss.setSmoothing(smooth.getValue());

        divergence = new RunLinesChart("divergence", "Output change (how far a step moves the model)",
                "mean squared output change", true, List.of(
                new LineSpec("update", d -> d.updateChange, false, false),
                new LineSpec("random eps", d -> d.outputChange, true, false)));
        CheckBox divLog = new CheckBox("log y");
        divLog.setSelected(true);
        divLog.selectedProperty().addListener((o, a, b) -> {
            divergence.setLog(b);
            forceNext = true;
        });
        SplitPane lossTab = new SplitPane(
                new ChartPane(loss, visible, lossLog, smoothLabel, smooth),
                new ChartPane(divergence, visible, divLog));
        lossTab.setOrientation(Orientation.VERTICAL);
        lossTab.setDividerPositions(0.55);
        addTab("Loss & output change", lossTab, loss, divergence);

        layerLines = new LayerLinesChart("layer-variance", "Per-sublayer output variance", "Var[f_i]",
                LayerMetrics::varBranch);
        ComboBox<String> which = new ComboBox<>();
        which.getItems().addAll("Var[f_i] (branch output)", "Var[b_i] (sum into the norm)");
        which.getSelectionModel().select(0);
        which.valueProperty().addListener((o, a, b) -> {
            if (b.startsWith("Var[f")) {
                layerLines.setValue("Var[f_i]", LayerMetrics::varBranch);
            } else {
                layerLines.setValue("Var[b_i]", LayerMetrics::varSum);
            }
            forceNext = true;
        });
        layerHeat = new HeatmapChart("layer-variance-heatmap", "log10 Var[f_i], sublayer x step", "log10 Var[f_i]",
                l -> Math.log10(l.varBranch()), Double.NaN, Double.NaN, false);
        Label selectedHint = new Label("shows the run selected in the runs list");
        selectedHint.getStyleClass().add("hint");
        SplitPane varTab = new SplitPane(new ChartPane(layerLines, visible, which, selectedHint),
                new ChartPane(layerHeat, visible));
        varTab.setOrientation(Orientation.VERTICAL);
        addTab("Layer variance", varTab, layerLines, layerHeat);

        betaGrid = new BetaGrid(runs, visible);
        addTab("Residual dependency \u03b2", betaGrid, betaGrid.charts().toArray(LiveChart[]::new));

        gradNorms = new GradNormChart();
        gradTotal = new RunLinesChart("grad-norm", "Global gradient norm", "gradient norm", true, List.of(
                new LineSpec("grad norm", d -> d.gradNorm, false, false)));
        SplitPane gradTab = new SplitPane(new ChartPane(gradNorms, visible), new ChartPane(gradTotal, visible));
        gradTab.setOrientation(Orientation.VERTICAL);
        addTab("Gradients", gradTab, gradNorms, gradTotal);

        amplifyPane = new AmplifyPane(lab);
        addTab("Amplification", amplifyPane, amplifyPane.chart());

        getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> forceNext = true);
        runs.runs().addListener((ListChangeListener<RunViewModel>) c -> forceNext = true);
        runs.selectedProperty().addListener((o, a, b) -> forceNext = true);
    }

    private void addTab(String title, javafx.scene.Node content, LiveChart... charts) {
        Tab t = new Tab(title, content);
        getTabs().add(t);
        perTab.add(List.of(charts));
    }

    /** The runs whose lines are shown (their "show" box is ticked). */
    public List<RunViewModel> visibleRuns() {
        return runs.runs().stream().filter(r -> r.visibleProperty().get()).toList();
    }

    /** Updates the shown tab's charts from the runs' data; each chart skips work when its data did not change. FX thread only. */
    public void refresh(boolean dataChanged) {
        boolean force = forceNext;
        forceNext = false;
        int tab = getSelectionModel().getSelectedIndex();
        if (tab < 0) {
            return;
        }
        List<RunViewModel> visible = visibleRuns();
        RunViewModel selected = runs.selectedProperty().get();
        if (selected == null && !visible.isEmpty()) {
            selected = visible.get(0);
        }
        for (LiveChart c : perTab.get(tab)) {
            c.refresh(visible, selected, force);
        }
    }

    /** Every chart, for "export all" and presentation mode. */
    public List<LiveChart> allCharts() {
        List<LiveChart> all = new ArrayList<>();
        perTab.forEach(all::addAll);
        return all;
    }

    /** Brings every chart up to date (before exporting). */
    public void refreshAll() {
        List<RunViewModel> visible = visibleRuns();
        RunViewModel selected = runs.selectedProperty().get();
        if (selected == null && !visible.isEmpty()) {
            selected = visible.get(0);
        }
        for (LiveChart c : allCharts()) {
            c.refresh(visible, selected, true);
        }
    }

    public void setScale(double scale) {
        allCharts().forEach(c -> c.setScale(scale));
        forceNext = true;
    }

    public RunLinesChart lossChart() {
        return loss;
    }

    public RunLinesChart divergenceChart() {
        return divergence;
    }

    public LayerLinesChart layerChart() {
        return layerLines;
    }

    public AmplifyPane amplifyPane() {
        return amplifyPane;
    }
}
