package org.stabilitylab.engine.run;

import java.util.Map;

/**
 * The outcome of a run, written to run.json's {@code summary}. A diverged run is a result, not an error.
 *
 * @param divergedAtStep step at which divergence was detected, or null
 * @param reason         why the run ended other than DONE (divergence rule, stop, failure), or ""
 * @param omega          profiled Admin values per stack; empty when not used
 */
public record RunSummary(RunStatus status, double finalLoss, double bestLoss, double finalValLoss,
                         double finalAccuracy, boolean diverged, Integer divergedAtStep, int steps,
                         double wallSeconds, double msPerStep, String reason, Map<String, double[]> omega) {

    public RunSummary {
        omega = Map.copyOf(omega);
    }
}
