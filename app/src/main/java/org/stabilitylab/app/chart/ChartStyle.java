package org.stabilitylab.app.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;

/** One look for every chart (white plot, light grid, readable fonts) and the settings that keep live charts cheap. */
public final class ChartStyle {
    public static final Color GRID = new Color(0xE3E6EA);
    public static final Color TEXT = new Color(0x33383F);
    public static final BasicStroke SOLID = new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    public static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            1f, new float[] {6f, 4f}, 0f);

    private ChartStyle() {
    }

    public static Color awt(String hex) {
        return Color.decode(hex);
    }

    /** A line renderer that draws each series as one path and creates no entities (about half the CPU). */
    public static XYLineAndShapeRenderer lines(boolean shapes) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, shapes);
        r.setDrawSeriesLineAsPath(true);
        r.setDefaultCreateEntities(false);
        r.setAutoPopulateSeriesPaint(false);
        r.setAutoPopulateSeriesStroke(false);
        r.setDefaultStroke(SOLID);
        return r;
    }

    /** White background, light grid, no outline; fonts at {@code scale} (1 normal, about 1.4 for lectures). */
    public static void apply(JFreeChart chart, double scale) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 4, 4, 8));
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(font(Font.BOLD, 13, scale));
            title.setPaint(TEXT);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(font(Font.PLAIN, 11, scale));
            legend.setFrame(new org.jfree.chart.block.BlockBorder(Color.WHITE));
        }
        if (chart.getPlot() instanceof XYPlot p) {
            p.setBackgroundPaint(Color.WHITE);
            p.setOutlineVisible(false);
            p.setDomainGridlinePaint(GRID);
            p.setRangeGridlinePaint(GRID);
            p.setDomainGridlineStroke(new BasicStroke(1f));
            p.setRangeGridlineStroke(new BasicStroke(1f));
            p.setAxisOffset(RectangleInsets.ZERO_INSETS);
            for (int i = 0; i < p.getDomainAxisCount(); i++) {
                axis(p.getDomainAxis(i), scale);
            }
            for (int i = 0; i < p.getRangeAxisCount(); i++) {
                axis(p.getRangeAxis(i), scale);
            }
        }
        chart.getSubtitles().forEach(s -> {
            if (s instanceof org.jfree.chart.title.PaintScaleLegend l) {
                axis(l.getAxis(), scale);
                l.setBackgroundPaint(Color.WHITE);
            }
        });
    }

    public static void axis(Axis a, double scale) {
        if (a == null) {
            return;
        }
        a.setLabelFont(font(Font.PLAIN, 12, scale));
        a.setLabelPaint(TEXT);
        a.setTickLabelFont(font(Font.PLAIN, 11, scale));
        a.setTickLabelPaint(TEXT);
        a.setAxisLinePaint(new Color(0xB0B6BE));
    }

    public static Font font(int style, int size, double scale) {
        return new Font(Font.SANS_SERIF, style, (int) Math.round(size * scale));
    }

    /** A value axis, logarithmic or linear, with sensible number formats for tiny and huge values. */
    public static ValueAxis valueAxis(String label, boolean log) {
        if (log) {
            LogAxis a = new LogAxis(label);
            a.setBase(10);
            a.setSmallestValue(1e-14);
            a.setNumberFormatOverride(new CompactFormat());
            a.setAutoRange(true);
            return a;
        }
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        a.setAutoRangeStickyZero(false);
        return a;
    }

    /** The step axis shared by the time charts. */
    public static NumberAxis stepAxis() {
        NumberAxis a = new NumberAxis("step");
        a.setAutoRangeIncludesZero(false);
        a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return a;
    }
}
