package org.stabilitylab.engine.repro;

import java.util.List;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.run.LayerMetrics;
import org.stabilitylab.engine.run.RunStatus;
import org.stabilitylab.engine.run.RunSummary;

/**
 * What a finding needs from one finished training run: its summary, the loss of every step, the
 * update-induced output change and validation loss at each probe, and the per-sublayer probes at the first and last probe.
 */
public record Trained(Experiment experiment, RunSummary summary, double[] loss, int[] probeSteps,
                      double[] updateChange, double[] valLoss, List<LayerMetrics> firstLayers,
                      List<LayerMetrics> lastLayers) {

    /** Mean training loss over the last tenth of the steps that ran (less noisy than the last step). */
    public double endLoss() {
        return endLoss(loss);
    }

    /** Mean of the last tenth of {@code loss}. */
    static double endLoss(double[] loss) {
        int n = loss.length;
        if (n == 0) {
            return Double.NaN;
        }
        int from = Math.max(0, n - Math.max(1, n / 10));
        double sum = 0;
        for (int i = from; i < n; i++) {
            sum += loss[i];
        }
        return sum / (n - from);
    }

    /** Mean training loss over the first few steps, the model's starting point. */
    public double startLoss() {
        int k = Math.min(loss.length, 5);
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += loss[i];
        }
        return k == 0 ? Double.NaN : sum / k;
    }

    public boolean diverged() {
        return summary.diverged() || summary.status() == RunStatus.FAILED;
    }
}
