package org.stabilitylab.app.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jfree.data.DomainOrder;
import org.jfree.data.xy.AbstractXYDataset;
import org.stabilitylab.app.data.Decimator;
import org.stabilitylab.app.data.Series;

/**
 * An XY dataset of plain arrays that announces a change once per refresh, not once per series or
 * point: a batch of {@link #set} calls followed by one {@link #changed()} costs one range scan and one redraw.
 */
public final class LineDataset extends AbstractXYDataset {
    private final List<String> keys = new ArrayList<>();
    private final List<double[]> xs = new ArrayList<>();
    private final List<double[]> ys = new ArrayList<>();
    private final List<Integer> sizes = new ArrayList<>();

    /** Replaces all series with {@code keys}, each empty; call {@link #changed()} afterwards. */
    public void reset(List<String> newKeys) {
        keys.clear();
        xs.clear();
        ys.clear();
        sizes.clear();
        for (String k : newKeys) {
            keys.add(k);
            xs.add(new double[0]);
            ys.add(new double[0]);
            sizes.add(0);
        }
    }

    /**
     * Fills series {@code i} from {@code source}, decimated to about two points per bucket; with
     * {@code positiveOnly} (log axes) points at or below zero are left out.
     */
    public void set(int i, Series source, int buckets, boolean positiveOnly) {
        double[] x = xs.get(i);
        double[] y = ys.get(i);
        int cap = Math.min(source.size(), 2 * buckets + 2);
        if (x.length < cap) {
            x = new double[cap];
            y = new double[cap];
        }
        double[] fx = x;
        double[] fy = y;
        int[] n = {0};
        Decimator.decimate(source, buckets, (px, py) -> {
            if ((!positiveOnly || py > 0) && n[0] < fx.length) {
                fx[n[0]] = px;
                fy[n[0]] = py;
                n[0]++;
            }
        });
        xs.set(i, fx);
        ys.set(i, fy);
        sizes.set(i, n[0]);
    }

    /** Tells the plot (once) that the data changed. */
    public void changed() {
        fireDatasetChanged();
    }

    @Override
    public int getSeriesCount() {
        return keys.size();
    }

    @Override
    public Comparable<String> getSeriesKey(int series) {
        return keys.get(series);
    }

    @Override
    public int getItemCount(int series) {
        return sizes.get(series);
    }

    @Override
    public Number getX(int series, int item) {
        return xs.get(series)[item];
    }

    @Override
    public Number getY(int series, int item) {
        return ys.get(series)[item];
    }

    @Override
    public double getXValue(int series, int item) {
        return xs.get(series)[item];
    }

    @Override
    public double getYValue(int series, int item) {
        return ys.get(series)[item];
    }

    @Override
    public DomainOrder getDomainOrder() {
        return DomainOrder.ASCENDING;
    }

    /** A copy of series {@code i}'s drawn y values (tests). */
    public double[] yValues(int i) {
        return Arrays.copyOf(ys.get(i), sizes.get(i));
    }
}
