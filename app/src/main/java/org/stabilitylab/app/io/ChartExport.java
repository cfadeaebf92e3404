package org.stabilitylab.app.io;

import java.awt.Rectangle;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/** Writes charts as PNG and SVG, and copies a run's record folder; call on the FX thread (charts are FX-owned). */
public final class ChartExport {
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 700;

    private ChartExport() {
    }

    public static void png(JFreeChart chart, File file) throws IOException {
        ChartUtils.saveChartAsPNG(file, chart, WIDTH, HEIGHT);
    }

    public static void svg(JFreeChart chart, File file) throws IOException {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        SVGUtils.writeToSVG(file, g.getSVGElement());
    }

    /** Copies every file of {@code record} into {@code target} (created when missing). */
    public static void copyRecord(Path record, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.walk(record)) {
            for (Path p : files.toList()) {
                Path dest = target.resolve(record.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
