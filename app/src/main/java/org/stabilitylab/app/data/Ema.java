package org.stabilitylab.app.data;

/** Exponential moving average with TensorBoard's debiasing, for the loss chart's smoothing slider. */
public final class Ema {
    private Ema() {
    }

    /** Returns {@code s} smoothed with weight {@code alpha} in [0, 1); alpha 0 returns {@code s} itself. */
    public static Series smooth(Series s, double alpha) {
        if (alpha <= 0) {
            return s;
        }
        Series out = new Series();
        double avg = 0;
        double weight = 0;
        for (int i = 0; i < s.size(); i++) {
            avg = alpha * avg + (1 - alpha) * s.y(i);
            weight = alpha * weight + (1 - alpha);
            out.add(s.x(i), avg / weight);
        }
        return out;
    }
}
