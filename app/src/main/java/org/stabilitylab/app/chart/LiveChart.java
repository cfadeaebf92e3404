package org.stabilitylab.app.chart;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.stabilitylab.app.vm.RunViewModel;

/**
 * A chart fed from the runs' data on the FX thread. {@link #refresh} is called at most about ten
 * times a second and must copy only what changed; it never runs off the FX thread.
 */
public abstract class LiveChart {
    private double scale = 1;

    /** The chart to show and export. */
    public abstract JFreeChart chart();

    /** Short file-name stem for exports, e.g. "loss". */
    public abstract String id();

    /**
     * Brings the datasets up to date with {@code runs} (the visible ones, in bench order).
     *
     * @param selected the run picked in the runs list, or null
     * @param force    rebuild everything (settings changed, tab shown again)
     */
    public abstract void refresh(List<RunViewModel> runs, RunViewModel selected, boolean force);

    /** Text for the hover readout at domain value {@code x}, or null when this chart has none. */
    public String readout(List<RunViewModel> runs, double x) {
        return null;
    }

    /** Font scale: 1 normally, larger in presentation mode. */
    public void setScale(double scale) {
        this.scale = scale;
        ChartStyle.apply(chart(), scale);
    }

    public double scale() {
        return scale;
    }

    /** Runs a batch of dataset edits with one redraw at the end. */
    protected void batch(Runnable edits) {
        JFreeChart c = chart();
        c.setNotify(false);
        try {
            edits.run();
        } finally {
            c.setNotify(true);
        }
    }
}
