package org.stabilitylab.app.chart;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.stabilitylab.app.vm.AmplifyViewModel;
import org.stabilitylab.app.vm.RunPalette;
import org.stabilitylab.app.vm.RunViewModel;
import org.stabilitylab.app.vm.Variants;

/**
 * Output change at initialisation versus depth (log-log), mean over seeds, one line per variant:
 * Post-LN grows about linearly, Pre-LN and Admin about logarithmically (science.md, finding 1).
 */
public final class AmplifyChart extends LiveChart {
    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = ChartStyle.lines(true);
    private final JFreeChart chart;
    private int drawn = -1;
    private List<AmplifyViewModel.Labelled> points = List.of();

    public AmplifyChart() {
        LogAxis x = new LogAxis("depth (layers per stack)");
        x.setBase(2);
        x.setTickUnit(new NumberTickUnit(1));
        x.setNumberFormatOverride(new java.text.DecimalFormat("0"));
        XYPlot plot = new XYPlot(dataset, x, ChartStyle.valueAxis("output change at init", true), renderer);
        chart = new JFreeChart("Amplification: output change vs depth", null, plot, true);
        ChartStyle.apply(chart, 1);
    }

    @Override
    public JFreeChart chart() {
        return chart;
    }

    @Override
    public String id() {
        return "amplification";
    }

    public XYSeriesCollection dataset() {
        return dataset;
    }

    /** Uses these measured points on the next refresh. */
    public void setPoints(List<AmplifyViewModel.Labelled> points) {
        this.points = points;
    }

    @Override
    public void refresh(List<RunViewModel> runs, RunViewModel selected, boolean force) {
        if (!force && points.size() == drawn) {
            return;
        }
        drawn = points.size();
        batch(this::rebuild);
    }

    private void rebuild() {
        dataset.removeAllSeries();
        Map<String, TreeMap<Integer, double[]>> byVariant = new LinkedHashMap<>();
        Variants.COMPARE.forEach(v -> byVariant.put(v.label(), new TreeMap<>()));
        for (AmplifyViewModel.Labelled p : points) {
            double[] acc = byVariant.computeIfAbsent(p.variant(), k -> new TreeMap<>())
                    .computeIfAbsent(p.point().depth(), d -> new double[2]);
            if (Double.isFinite(p.point().outputChange())) {
                acc[0] += p.point().outputChange();
                acc[1]++;
            }
        }
        int i = 0;
        for (Map.Entry<String, TreeMap<Integer, double[]>> e : byVariant.entrySet()) {
            XYSeries s = new XYSeries(e.getKey(), false, true);
            e.getValue().forEach((depth, acc) -> {
                if (acc[1] > 0 && acc[0] > 0) {
                    s.add(depth.doubleValue(), acc[0] / acc[1], false);
                }
            });
            dataset.addSeries(s);
            Color c = ChartStyle.awt(RunPalette.COLOURS.get(i % RunPalette.COLOURS.size()));
            renderer.setSeriesPaint(i, c);
            renderer.setSeriesStroke(i, ChartStyle.SOLID);
            renderer.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
            i++;
        }
    }
}
