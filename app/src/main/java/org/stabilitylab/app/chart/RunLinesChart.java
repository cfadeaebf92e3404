package org.stabilitylab.app.chart;

import java.awt.Color;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.stabilitylab.app.data.Ema;
import org.stabilitylab.app.data.Series;
import org.stabilitylab.app.vm.RunViewModel;
import org.stabilitylab.engine.run.RunStatus;

/**
 * Step-based lines for every visible run in the run's colour (loss, output change...), decimated
 * to about two points per bucket, with optional log y, EMA smoothing and divergence markers.
 */
public class RunLinesChart extends LiveChart {
    /** Buckets when the chart's width is not known yet; otherwise one bucket per two pixel columns. */
    static final int DEFAULT_BUCKETS = 500;

    private final String id;
    private final String yLabel;
    private final List<LineSpec> specs;
    private final LineDataset dataset = new LineDataset();
    private final XYLineAndShapeRenderer renderer = ChartStyle.lines(false);
    private final XYPlot plot;
    private final JFreeChart chart;
    private final Map<String, Integer> drawnVersion = new HashMap<>();
    private List<String> keys = List.of();
    private String markerSignature = "";
    private boolean log;
    private double smoothing;
    private int buckets = DEFAULT_BUCKETS;

    public RunLinesChart(String id, String title, String yLabel, boolean log, List<LineSpec> specs) {
        this.id = id;
        this.yLabel = yLabel;
        this.specs = List.copyOf(specs);
        this.log = log;
        plot = new XYPlot(dataset, ChartStyle.stepAxis(), ChartStyle.valueAxis(yLabel, log), renderer);
        plot.setDomainCrosshairLockedOnData(false);
        plot.setDomainCrosshairPaint(new Color(0x7A828C));
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

    /** Decimate to a min/max pair per two pixel columns of a chart this many pixels wide. */
    public void setPixelWidth(double width) {
        int b = Math.max(100, (int) (width / 2));
        if (Math.abs(b - buckets) > buckets / 5) {
            buckets = b;
            drawnVersion.clear();
        }
    }

    public LineDataset dataset() {
        return dataset;
    }

    public boolean isLog() {
        return log;
    }

    /** Switches the y axis between linear and log; takes effect on the next refresh. */
    public void setLog(boolean log) {
        if (this.log != log) {
            this.log = log;
            plot.setRangeAxis(ChartStyle.valueAxis(yLabel, log));
            ChartStyle.axis(plot.getRangeAxis(), scale());
            drawnVersion.clear();
        }
    }

    /** EMA weight in [0, 1) for smoothable lines; takes effect on the next refresh. */
    public void setSmoothing(double alpha) {
        if (alpha != smoothing) {
            smoothing = alpha;
            drawnVersion.clear();
        }
    }

    @Override
    public void refresh(List<RunViewModel> runs, RunViewModel selected, boolean force) {
        List<String> want = new ArrayList<>();
        for (RunViewModel r : runs) {
            for (LineSpec s : specs) {
                want.add(r.id() + ":" + s.label() + ":" + r.colour());
            }
        }
        boolean structure = !want.equals(keys);
        String markers = markerSignature(runs);
        boolean anyData = structure || force || !markers.equals(markerSignature)
                || runs.stream().anyMatch(r -> !Integer.valueOf(r.data().version()).equals(drawnVersion.get(key(r))));
        if (!anyData) {
            return;
        }
        batch(() -> {
            if (structure) {
                rebuildStructure(runs, want);
            }
            int i = 0;
            for (RunViewModel r : runs) {
                boolean stale = force || !Integer.valueOf(r.data().version()).equals(drawnVersion.get(key(r)));
                for (LineSpec s : specs) {
                    if (stale) {
                        fill(i, s.series().apply(r.data()), s.smoothable());
                    }
                    i++;
                }
                drawnVersion.put(key(r), r.data().version());
            }
            if (!markers.equals(markerSignature)) {
                markerSignature = markers;
                placeMarkers(runs);
            }
            dataset.changed();
        });
    }

    private static String key(RunViewModel r) {
        return Integer.toString(r.id());
    }

    private void rebuildStructure(List<RunViewModel> runs, List<String> want) {
        dataset.reset(want);
        drawnVersion.clear();
        LegendItemCollection legend = new LegendItemCollection();
        int i = 0;
        for (RunViewModel r : runs) {
            Color c = ChartStyle.awt(r.colour());
            for (LineSpec s : specs) {
                renderer.setSeriesPaint(i, c);
                renderer.setSeriesStroke(i, s.dashed() ? ChartStyle.DASHED : ChartStyle.SOLID);
                i++;
            }
            LegendItem item = new LegendItem(r.name(), c);
            item.setShape(new Line2D.Double(-7, 0, 7, 0));
            item.setLineVisible(true);
            item.setLine(new Line2D.Double(-7, 0, 7, 0));
            item.setLineStroke(ChartStyle.SOLID);
            item.setLinePaint(c);
            item.setShapeVisible(false);
            legend.add(item);
        }
        if (specs.size() > 1 && !runs.isEmpty()) {
            for (LineSpec s : specs) {
                LegendItem item = new LegendItem(s.label(), Color.GRAY);
                item.setShapeVisible(false);
                item.setLineVisible(true);
                item.setLine(new Line2D.Double(-9, 0, 9, 0));
                item.setLineStroke(s.dashed() ? ChartStyle.DASHED : ChartStyle.SOLID);
                item.setLinePaint(Color.GRAY);
                legend.add(item);
            }
        }
        plot.setFixedLegendItems(legend);
        keys = want;
    }

    private void fill(int i, Series source, boolean smoothable) {
        dataset.set(i, smoothable ? Ema.smooth(source, smoothing) : source, buckets, log);
    }

    private static String markerSignature(List<RunViewModel> runs) {
        StringBuilder b = new StringBuilder();
        for (RunViewModel r : runs) {
            if (r.status() == RunStatus.DIVERGED && r.summary() != null && r.summary().divergedAtStep() != null) {
                b.append(r.id()).append('@').append(r.summary().divergedAtStep()).append(';');
            }
        }
        return b.toString();
    }

    private void placeMarkers(List<RunViewModel> runs) {
        plot.clearDomainMarkers();
        for (RunViewModel r : runs) {
            if (r.status() == RunStatus.DIVERGED && r.summary() != null && r.summary().divergedAtStep() != null) {
                ValueMarker m = new ValueMarker(r.summary().divergedAtStep());
                m.setPaint(ChartStyle.awt(r.colour()));
                m.setStroke(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT,
                        java.awt.BasicStroke.JOIN_MITER, 1f, new float[] {2f, 3f}, 0f));
                m.setLabel("diverged");
                m.setLabelFont(ChartStyle.font(java.awt.Font.BOLD, 11, scale()));
                m.setLabelPaint(ChartStyle.awt(r.colour()));
                m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
                plot.addDomainMarker(m, Layer.FOREGROUND);
            }
        }
    }

    @Override
    public String readout(List<RunViewModel> runs, double x) {
        StringBuilder b = new StringBuilder("step ").append(Math.round(x));
        for (RunViewModel r : runs) {
            b.append("   ").append(r.name()).append(':');
            for (LineSpec s : specs) {
                double y = s.series().apply(r.data()).yAt(x);
                b.append(' ').append(s.label()).append(' ').append(Format.number(y));
            }
        }
        return b.toString();
    }
}
