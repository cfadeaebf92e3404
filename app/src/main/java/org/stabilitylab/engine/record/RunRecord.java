package org.stabilitylab.engine.record;

import java.util.List;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.run.RunSummary;
import org.stabilitylab.engine.run.StepMetrics;

/** TEMPORARY STUB in app until branch config lands; delete on merge. */
public record RunRecord(Experiment experiment, RunSummary summary, List<StepMetrics> steps) {
}
