package org.stabilitylab.app.chart;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.stabilitylab.app.vm.RunViewModel;
import org.stabilitylab.engine.run.LayerMetrics;
import org.stabilitylab.engine.run.StepMetrics;

/**
 * Gradient norm of each sublayer relative to the run's largest, at the latest probe, one line per
 * run (log y): where gradients vanish, the line drops.
 */
public final class GradNormChart extends LiveChart {
    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = ChartStyle.lines(true);
    private final XYPlot plot;
    private final JFreeChart chart;
    private String drawn = "";

    public GradNormChart() {
        plot = new XYPlot(dataset, new SymbolAxis("sublayer", new String[] {""}),
                ChartStyle.valueAxis("gradient norm / largest", true), renderer);
        chart = new JFreeChart("Gradient norm per sublayer (latest probe)", null, plot, true);
        ChartStyle.apply(chart, 1);
    }

    @Override
    public JFreeChart chart() {
        return chart;
    }

    @Override
    public String id() {
        return "gradients";
    }

    @Override
    public void refresh(List<RunViewModel> runs, RunViewModel selected, boolean force) {
        StringBuilder sig = new StringBuilder();
        for (RunViewModel r : runs) {
            StepMetrics p = r.data().lastProbe();
            sig.append(r.id()).append(r.colour()).append('@').append(p == null ? -1 : p.step()).append(';');
        }
        if (!force && sig.toString().equals(drawn)) {
            return;
        }
        drawn = sig.toString();
        batch(() -> rebuild(runs));
    }

    private void rebuild(List<RunViewModel> runs) {
        dataset.removeAllSeries();
        LegendItemCollection legend = new LegendItemCollection();
        List<LayerMetrics> longest = List.of();
        int i = 0;
        for (RunViewModel r : runs) {
            StepMetrics p = r.data().lastProbe();
            if (p == null) {
                continue;
            }
            double max = p.layers().stream().mapToDouble(LayerMetrics::gradNorm).filter(Double::isFinite).max()
                    .orElse(Double.NaN);
            XYSeries s = new XYSeries(r.id() + "", false, true);
            for (int k = 0; k < p.layers().size(); k++) {
                double v = p.layers().get(k).gradNorm() / max;
                if (Double.isFinite(v) && v > 0) {
                    s.add(k, v, false);
                }
            }
            dataset.addSeries(s);
            Color c = ChartStyle.awt(r.colour());
            renderer.setSeriesPaint(i, c);
            renderer.setSeriesStroke(i, ChartStyle.SOLID);
            renderer.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
            LegendItem item = new LegendItem(r.name() + " (step " + p.step() + ")", c);
            item.setShape(new Ellipse2D.Double(-4, -4, 8, 8));
            legend.add(item);
            if (p.layers().size() > longest.size()) {
                longest = p.layers();
            }
            i++;
        }
        List<String> labels = new ArrayList<>();
        longest.forEach(l -> labels.add(SublayerNames.of(l.stack(), l.sublayer(), l.kind())));
        SymbolAxis x = new SymbolAxis("sublayer (forward order)", labels.isEmpty() ? new String[] {""}
                : labels.toArray(String[]::new));
        x.setGridBandsVisible(false);
        x.setVerticalTickLabels(labels.size() > 8);
        plot.setDomainAxis(x);
        ChartStyle.axis(x, scale());
        plot.setFixedLegendItems(legend);
    }
}
