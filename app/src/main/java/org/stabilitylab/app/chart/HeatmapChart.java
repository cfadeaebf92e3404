package org.stabilitylab.app.chart;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.stabilitylab.app.vm.RunViewModel;
import org.stabilitylab.engine.run.LayerMetrics;
import org.stabilitylab.engine.run.StepMetrics;

/**
 * Sublayer x step heatmap of one probe value for one run (e.g. betaOwn, or log10 Var[f_i]),
 * bottom row the first sublayer; at most {@link #MAX_COLUMNS} probe columns are drawn.
 */
public final class HeatmapChart extends LiveChart {
    static final int MAX_COLUMNS = 300;

    private final String id;
    private final String valueLabel;
    private final ToDoubleFunction<LayerMetrics> value;
    private final double fixedLower;
    private final double fixedUpper;
    private final DefaultXYZDataset dataset = new DefaultXYZDataset();
    private final XYBlockRenderer renderer = new XYBlockRenderer();
    private final XYPlot plot;
    private final JFreeChart chart;
    private final PaintScaleLegend legend;
    private final boolean perRunTitle;
    private int slot = -1;
    private RunViewModel shown;
    private int drawnVersion = -1;

    /**
     * @param fixedLower lower colour bound, or NaN to follow the data (likewise fixedUpper)
     * @param perRunTitle title the chart with the run's name instead of {@code title}
     */
    public HeatmapChart(String id, String title, String valueLabel, ToDoubleFunction<LayerMetrics> value,
                        double fixedLower, double fixedUpper, boolean perRunTitle) {
        this.id = id;
        this.valueLabel = valueLabel;
        this.value = value;
        this.fixedLower = fixedLower;
        this.fixedUpper = fixedUpper;
        this.perRunTitle = perRunTitle;
        renderer.setDefaultCreateEntities(false);
        renderer.setPaintScale(new Viridis(bound(fixedLower, 0), bound(fixedUpper, 1)));
        NumberAxis x = ChartStyle.stepAxis();
        SymbolAxis y = new SymbolAxis("sublayer", new String[] {""});
        plot = new XYPlot(dataset, x, y, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        chart = new JFreeChart(title, null, plot, false);
        NumberAxis scaleAxis = new NumberAxis(valueLabel);
        legend = new PaintScaleLegend(renderer.getPaintScale(), scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(12);
        legend.setMargin(4, 8, 4, 4);
        chart.addSubtitle(legend);
        ChartStyle.apply(chart, 1);
    }

    private static double bound(double fixed, double fallback) {
        return Double.isNaN(fixed) ? fallback : fixed;
    }

    @Override
    public JFreeChart chart() {
        return chart;
    }

    @Override
    public String id() {
        return id;
    }

    /** The run this heatmap shows, or null for an empty chart. */
    public RunViewModel shown() {
        return shown;
    }

    /** Shows the {@code slot}-th visible run instead of the selected one (-1: the selected run). */
    public void setSlot(int slot) {
        this.slot = slot;
    }

    @Override
    public void refresh(List<RunViewModel> runs, RunViewModel selected, boolean force) {
        show(slot < 0 ? selected : slot < runs.size() ? runs.get(slot) : null, force);
    }

    /** Shows {@code run}'s probes, rebuilding only when the run or its data changed. */
    public void show(RunViewModel run, boolean force) {
        int version = run == null ? -1 : run.data().probeVersion();
        if (!force && run == shown && version == drawnVersion) {
            return;
        }
        shown = run;
        drawnVersion = version;
        batch(() -> rebuild(run));
    }

    private void rebuild(RunViewModel run) {
        if (dataset.getSeriesCount() > 0) {
            dataset.removeSeries("v");
        }
        if (perRunTitle) {
            chart.setTitle(run == null ? "" : run.name());
            ChartStyle.apply(chart, scale());
            if (run != null) {
                chart.getTitle().setPaint(ChartStyle.awt(run.colour()));
            }
        }
        if (run == null || run.data().probes().isEmpty()) {
            plot.setRangeAxis(new SymbolAxis("sublayer", new String[] {""}));
            ChartStyle.axis(plot.getRangeAxis(), scale());
            return;
        }
        List<StepMetrics> probes = run.data().probes();
        int stride = Math.max(1, (int) Math.ceil(probes.size() / (double) MAX_COLUMNS));
        int rows = probes.get(probes.size() - 1).layers().size();
        int cols = (probes.size() + stride - 1) / stride;
        double[] xs = new double[cols * rows];
        double[] ys = new double[cols * rows];
        double[] zs = new double[cols * rows];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int n = 0;
        double width = 1;
        for (int c = 0; c < cols; c++) {
            StepMetrics m = probes.get(Math.min(probes.size() - 1, c * stride));
            List<LayerMetrics> layers = m.layers();
            for (int r = 0; r < rows && r < layers.size(); r++) {
                double z = value.applyAsDouble(layers.get(r));
                xs[n] = m.step();
                ys[n] = r;
                zs[n] = z;
                if (Double.isFinite(z)) {
                    lo = Math.min(lo, z);
                    hi = Math.max(hi, z);
                }
                n++;
            }
        }
        if (cols > 2) {
            // columns after the first are evenly spaced; the first probe may come early (step 1)
            width = (probes.get((cols - 1) * stride).step() - probes.get(stride).step()) / (double) (cols - 2);
        } else if (cols == 2) {
            width = probes.get(stride).step() - probes.get(0).step();
        }
        if (n < xs.length) {
            xs = java.util.Arrays.copyOf(xs, n);
            ys = java.util.Arrays.copyOf(ys, n);
            zs = java.util.Arrays.copyOf(zs, n);
        }
        renderer.setBlockWidth(Math.max(1, width));
        renderer.setBlockHeight(1);
        double lower = Double.isNaN(fixedLower) ? (Double.isFinite(lo) ? lo : 0) : fixedLower;
        double upper = Double.isNaN(fixedUpper) ? (Double.isFinite(hi) ? hi : 1) : fixedUpper;
        Viridis scale = new Viridis(lower, upper);
        renderer.setPaintScale(scale);
        legend.setScale(scale);
        legend.getAxis().setRange(scale.getLowerBound(), scale.getUpperBound());
        List<LayerMetrics> names = probes.get(probes.size() - 1).layers();
        String[] labels = names.stream().map(l -> SublayerNames.of(l.stack(), l.sublayer(), l.kind()))
                .toArray(String[]::new);
        SymbolAxis y = new SymbolAxis(rows > 16 ? "" : "sublayer", labels);
        y.setGridBandsVisible(false);
        plot.setRangeAxis(y);
        ChartStyle.axis(y, scale());
        if (rows > 16) {
            y.setTickLabelFont(ChartStyle.font(java.awt.Font.PLAIN, 8, scale()));
        }
        dataset.addSeries("v", new double[][] {xs, ys, zs});
    }

    public String valueLabel() {
        return valueLabel;
    }
}
