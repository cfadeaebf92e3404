package org.stabilitylab.app.view;

import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.stabilitylab.app.chart.LiveChart;
import org.stabilitylab.app.vm.RunViewModel;

/** A chart with a row of its own controls above it and, where the chart has one, a hover readout. */
public final class ChartPane extends VBox {
    private final LiveChart chart;
    private final ChartViewer viewer;
    private final Label readout = new Label(" ");

    public ChartPane(LiveChart chart, Supplier<List<RunViewModel>> runs, Node... controls) {
        this.chart = chart;
        this.viewer = new ChartViewer(chart.chart());
        getStyleClass().add("chart-pane");
        readout.getStyleClass().add("readout");
        readout.setMinWidth(0);
        readout.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(readout, Priority.ALWAYS);
        HBox bar = new HBox(10);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("chart-bar");
        bar.getChildren().addAll(controls);
        if (controls.length > 0) {
            Region gap = new Region();
            gap.setMinWidth(12);
            bar.getChildren().add(gap);
        }
        bar.getChildren().add(readout);
        bar.setPadding(new Insets(2, 6, 0, 6));
        viewer.setMinSize(100, 80);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        getChildren().addAll(bar, viewer);
        if (chart instanceof org.stabilitylab.app.chart.RunLinesChart lines) {
            viewer.widthProperty().addListener((o, a, b) -> lines.setPixelWidth(b.doubleValue()));
        }
        viewer.setOnMouseMoved(e -> hover(runs.get(), e.getX(), e.getY()));
        viewer.setOnMouseExited(e -> clearHover());
    }

    public LiveChart chart() {
        return chart;
    }

    public ChartViewer viewer() {
        return viewer;
    }

    private void hover(List<RunViewModel> runs, double x, double y) {
        if (!(chart.chart().getPlot() instanceof XYPlot plot)) {
            return;
        }
        ChartRenderingInfo info = viewer.getRenderingInfo();
        if (info == null) {
            return;
        }
        Rectangle2D area = info.getPlotInfo().getDataArea();
        if (area == null || !area.contains(x, y)) {
            clearHover();
            return;
        }
        double value = plot.getDomainAxis().java2DToValue(x, area, plot.getDomainAxisEdge());
        String text = chart.readout(runs, value);
        if (text != null) {
            readout.setText(text);
            plot.setDomainCrosshairVisible(true);
            plot.setDomainCrosshairValue(value);
        }
    }

    private void clearHover() {
        readout.setText(" ");
        if (chart.chart().getPlot() instanceof XYPlot plot && plot.isDomainCrosshairVisible()) {
            plot.setDomainCrosshairVisible(false);
        }
    }
}
