package org.stabilitylab.app.data;

/**
 * Reduces a long series to at most two points (min and max, in x order) per bucket, so a chart
 * draws a few thousand points however long the run; the shape, spikes included, is preserved.
 */
public final class Decimator {
    private Decimator() {
    }

    /** Receives the points to draw. */
    @FunctionalInterface
    public interface Sink {
        void point(double x, double y);
    }

    /** Emits all points when there are at most {@code 2 * buckets}, otherwise min/max per bucket. */
    public static void decimate(Series s, int buckets, Sink sink) {
        int n = s.size();
        if (n <= 2 * buckets) {
            for (int i = 0; i < n; i++) {
                sink.point(s.x(i), s.y(i));
            }
            return;
        }
        double per = (double) n / buckets;
        for (int b = 0; b < buckets; b++) {
            int from = (int) Math.floor(b * per);
            int to = Math.min(n, (int) Math.floor((b + 1) * per));
            if (from >= to) {
                continue;
            }
            int iMin = from;
            int iMax = from;
            for (int i = from + 1; i < to; i++) {
                if (s.y(i) < s.y(iMin)) {
                    iMin = i;
                }
                if (s.y(i) > s.y(iMax)) {
                    iMax = i;
                }
            }
            int first = Math.min(iMin, iMax);
            int second = Math.max(iMin, iMax);
            sink.point(s.x(first), s.y(first));
            if (second != first) {
                sink.point(s.x(second), s.y(second));
            }
        }
    }
}
