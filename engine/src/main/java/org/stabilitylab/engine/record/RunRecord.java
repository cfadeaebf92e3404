package org.stabilitylab.engine.record;

import java.util.List;
import java.util.Map;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.run.RunInfo;
import org.stabilitylab.engine.run.RunSummary;
import org.stabilitylab.engine.run.StepMetrics;

/**
 * A run read back from its record folder, shaped like the live callbacks so the app can replay it:
 * {@code info} as onStart saw it, every step with its layer probes, and the summary.
 *
 * @param summary  null when the run never finished (killed, or still running)
 * @param versions app, nd4jBackend, device and java, as recorded
 */
public record RunRecord(Experiment experiment, RunSummary summary, List<StepMetrics> steps, RunInfo info,
                        Map<String, String> versions) {

    public RunRecord {
        steps = List.copyOf(steps);
        versions = Map.copyOf(versions);
    }
}
