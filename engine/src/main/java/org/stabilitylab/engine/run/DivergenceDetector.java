package org.stabilitylab.engine.run;

/**
 * Decides when a run has diverged. Two rules:
 * <ol>
 * <li>non-finite: a NaN or infinite loss or gradient norm ends the run at that step;</li>
 * <li>blow-up: the loss, smoothed by an exponential moving average (weight 0.1), stays above
 * {@code best + max(1, best)} (more than double its best smoothed value, and at least 1 nat worse) for
 * {@code patience} consecutive steps, where patience = max(20, steps / 20). The run is marked diverged at
 * the first step of that streak: a loss that explodes and does not come back.</li>
 * </ol>
 */
final class DivergenceDetector {
    private static final double SMOOTHING = 0.1;
    private final int patience;
    private double smoothed = Double.NaN;
    private double best = Double.POSITIVE_INFINITY;
    private int streakStart = -1;
    private Integer divergedAt;
    private String reason = "";

    DivergenceDetector(int totalSteps) {
        this.patience = Math.max(20, totalSteps / 20);
    }

    /** Feeds one step; returns true once the run counts as diverged. */
    boolean update(int step, double loss, double gradNorm) {
        if (divergedAt != null) {
            return true;
        }
        if (!Double.isFinite(loss) || !Double.isFinite(gradNorm)) {
            divergedAt = step;
            reason = "non-finite " + (!Double.isFinite(loss) ? "loss" : "gradient norm") + " at step " + step;
            return true;
        }
        smoothed = Double.isNaN(smoothed) ? loss : smoothed + SMOOTHING * (loss - smoothed);
        if (smoothed > best + Math.max(1.0, best)) {
            if (streakStart < 0) {
                streakStart = step;
            }
            if (step - streakStart + 1 >= patience) {
                divergedAt = streakStart;
                reason = String.format("loss blow-up: smoothed loss %.3g stayed above twice its best %.3g for %d steps",
                        smoothed, best, patience);
                return true;
            }
        } else {
            streakStart = -1;
        }
        best = Math.min(best, smoothed);
        return false;
    }

    Integer divergedAt() {
        return divergedAt;
    }

    String reason() {
        return reason;
    }
}
