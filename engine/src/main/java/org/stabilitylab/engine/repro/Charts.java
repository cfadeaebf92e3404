package org.stabilitylab.engine.repro;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws the report's charts as PNG files with JFreeChart's core (AWT, headless), so the engine stays
 * free of JavaFX and a report can be made on a server with no display.
 */
public final class Charts {
    /** Post-LN red, Pre-LN blue, Admin green, then more; the app uses the same hues. */
    private static final Color[] PALETTE = {new Color(0xD6, 0x27, 0x28), new Color(0x1F, 0x77, 0xB4),
        new Color(0x2C, 0xA0, 0x2C), new Color(0xFF, 0x7F, 0x0E), new Color(0x94, 0x67, 0xBD),
        new Color(0x8C, 0x56, 0x4B), new Color(0x7F, 0x7F, 0x7F)};
    private static final int WIDTH = 820;
    private static final int HEIGHT = 440;

    /** One line: a name for the legend, x and y of equal length; {@code dashed} for reference lines. */
    public record Series(String name, double[] x, double[] y, int colour, boolean dashed, boolean markers) {
        public Series(String name, double[] x, double[] y, int colour) {
            this(name, x, y, colour, false, false);
        }
    }

    private Charts() {
    }

    /** Writes a line chart to {@code file}; non-finite points (and non-positive ones on a log axis) are skipped. */
    public static void line(Path file, String title, String xLabel, String yLabel, boolean logX, boolean logY,
                            List<Series> series) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series s : series) {
            XYSeries xy = new XYSeries(s.name(), false, true);
            for (int i = 0; i < s.x().length; i++) {
                double x = s.x()[i];
                double y = s.y()[i];
                boolean ok = Double.isFinite(x) && Double.isFinite(y) && (!logX || x > 0) && (!logY || y > 0);
                if (ok) {
                    xy.add(x, y);
                }
            }
            data.addSeries(xy);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            renderer.setSeriesPaint(i, PALETTE[Math.floorMod(s.colour(), PALETTE.length)]);
            renderer.setSeriesStroke(i, s.dashed()
                    ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(1.8f));
            renderer.setSeriesShapesVisible(i, s.markers());
        }
        XYPlot plot = new XYPlot(data, axis(xLabel, logX), axis(yLabel, logY), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setTitle(new TextTitle(title, new Font("SansSerif", Font.BOLD, 15)));
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }

    /** Moving average over {@code window} steps, so a noisy loss curve reads at a glance. */
    public static double[] smooth(double[] y, int window) {
        double[] out = new double[y.length];
        double sum = 0;
        int count = 0;
        for (int i = 0; i < y.length; i++) {
            if (Double.isFinite(y[i])) {
                sum += y[i];
                count++;
            }
            int drop = i - window;
            if (drop >= 0 && Double.isFinite(y[drop])) {
                sum -= y[drop];
                count--;
            }
            out[i] = count == 0 ? Double.NaN : sum / count;
        }
        return out;
    }

    /** 1, 2, ..., n as doubles: the x of a per-step or per-sublayer series. */
    public static double[] oneTo(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    private static ValueAxis axis(String label, boolean log) {
        if (log) {
            LogAxis a = new LogAxis(label);
            a.setSmallestValue(1e-30);
            a.setAutoRange(true);
            return a;
        }
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        return a;
    }
}
