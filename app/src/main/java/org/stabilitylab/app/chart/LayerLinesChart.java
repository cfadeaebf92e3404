package org.stabilitylab.app.chart;

import java.awt.Color;
import java.awt.geom.Line2D;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.stabilitylab.app.vm.RunViewModel;
import org.stabilitylab.engine.run.LayerMetrics;
import org.stabilitylab.engine.run.StepMetrics;

/**
 * One line per sublayer of the selected run over the probed steps (e.g. Var[f_i]), log y;
 * encoder sublayers in blues, decoder in oranges, darker = deeper.
 */
public final class LayerLinesChart extends LiveChart {
    private final String id;
    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = ChartStyle.lines(false);
    private final XYPlot plot;
    private final JFreeChart chart;
    private ToDoubleFunction<LayerMetrics> value;
    private RunViewModel shown;
    private int drawnVersion = -1;

    public LayerLinesChart(String id, String title, String yLabel, ToDoubleFunction<LayerMetrics> value) {
        this.id = id;
        this.value = value;
        plot = new XYPlot(dataset, ChartStyle.stepAxis(), ChartStyle.valueAxis(yLabel, true), renderer);
        chart = new JFreeChart(title, null, plot, true);
        ChartStyle.apply(chart, 1);
    }

    @Override
    public JFreeChart chart() {
        return chart;
    }

    @Override
    public String id() {
        return id;
    }

    public XYSeriesCollection dataset() {
        return dataset;
    }

    /** Changes the plotted quantity and its axis label; redrawn on the next refresh. */
    public void setValue(String yLabel, ToDoubleFunction<LayerMetrics> value) {
        this.value = value;
        plot.setRangeAxis(ChartStyle.valueAxis(yLabel, true));
        ChartStyle.axis(plot.getRangeAxis(), scale());
        drawnVersion = -2;
    }

    @Override
    public void refresh(List<RunViewModel> runs, RunViewModel selected, boolean force) {
        int version = selected == null ? -1 : selected.data().probeVersion();
        if (!force && selected == shown && version == drawnVersion) {
            return;
        }
        shown = selected;
        drawnVersion = version;
        batch(() -> rebuild(selected));
    }

    private void rebuild(RunViewModel run) {
        dataset.removeAllSeries();
        chart.setTitle("Per-sublayer output variance" + (run == null ? "" : " - " + run.name()));
        ChartStyle.apply(chart, scale());
        if (run == null || run.data().probes().isEmpty()) {
            plot.setFixedLegendItems(new LegendItemCollection());
            return;
        }
        List<StepMetrics> probes = run.data().probes();
        List<LayerMetrics> last = probes.get(probes.size() - 1).layers();
        int rows = last.size();
        XYSeries[] series = new XYSeries[rows];
        for (int r = 0; r < rows; r++) {
            LayerMetrics l = last.get(r);
            series[r] = new XYSeries(SublayerNames.of(l.stack(), l.sublayer(), l.kind()), false, true);
        }
        int stride = Math.max(1, probes.size() / 1000);
        for (int c = 0; c < probes.size(); c += stride) {
            StepMetrics m = probes.get(c);
            for (int r = 0; r < rows && r < m.layers().size(); r++) {
                double v = value.applyAsDouble(m.layers().get(r));
                if (Double.isFinite(v) && v > 0) {
                    series[r].add(m.step(), v, false);
                }
            }
        }
        long enc = last.stream().filter(l -> l.stack().startsWith("enc")).count();
        long dec = rows - enc;
        int ei = 0;
        int di = 0;
        for (int r = 0; r < rows; r++) {
            dataset.addSeries(series[r]);
            boolean isEnc = last.get(r).stack().startsWith("enc");
            Color c = isEnc ? shade(0x9ECAE1, 0x08306B, ei++, enc) : shade(0xFDAE6B, 0x7F2704, di++, dec);
            renderer.setSeriesPaint(r, c);
            renderer.setSeriesStroke(r, ChartStyle.SOLID);
        }
        LegendItemCollection legend = new LegendItemCollection();
        if (enc > 0) {
            legend.add(item("encoder sublayers (darker = deeper)", new Color(0x2171B5)));
        }
        if (dec > 0) {
            legend.add(item("decoder sublayers (darker = deeper)", new Color(0xD94801)));
        }
        plot.setFixedLegendItems(legend);
    }

    private static LegendItem item(String label, Color c) {
        LegendItem i = new LegendItem(label, c);
        i.setShapeVisible(false);
        i.setLineVisible(true);
        i.setLine(new Line2D.Double(-8, 0, 8, 0));
        i.setLineStroke(ChartStyle.SOLID);
        i.setLinePaint(c);
        return i;
    }

    private static Color shade(int light, int dark, int i, long n) {
        double f = n <= 1 ? 1 : (double) i / (n - 1);
        Color a = new Color(light);
        Color b = new Color(dark);
        return new Color((int) (a.getRed() + (b.getRed() - a.getRed()) * f),
                (int) (a.getGreen() + (b.getGreen() - a.getGreen()) * f),
                (int) (a.getBlue() + (b.getBlue() - a.getBlue()) * f));
    }
}
