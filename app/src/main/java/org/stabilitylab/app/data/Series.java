package org.stabilitylab.app.data;

import java.util.Arrays;

/** A growable (x, y) series of primitives: a run's full history stays compact while charts show a decimated view. */
public final class Series {
    private double[] xs = new double[256];
    private double[] ys = new double[256];
    private int size;

    /** Appends a point; non-finite y values are kept out (they cannot be drawn and would spoil log axes). */
    public void add(double x, double y) {
        if (!Double.isFinite(y)) {
            return;
        }
        if (size == xs.length) {
            xs = Arrays.copyOf(xs, size * 2);
            ys = Arrays.copyOf(ys, size * 2);
        }
        xs[size] = x;
        ys[size] = y;
        size++;
    }

    public int size() {
        return size;
    }

    public double x(int i) {
        return xs[i];
    }

    public double y(int i) {
        return ys[i];
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public double lastY() {
        return size == 0 ? Double.NaN : ys[size - 1];
    }

    /** The y of the last point with x at or before {@code x}, or NaN. */
    public double yAt(double x) {
        int lo = 0;
        int hi = size - 1;
        int best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] <= x) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best < 0 ? Double.NaN : ys[best];
    }

    public void clear() {
        size = 0;
    }
}
