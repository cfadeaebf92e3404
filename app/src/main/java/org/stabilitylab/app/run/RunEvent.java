package org.stabilitylab.app.run;

import org.stabilitylab.engine.run.RunInfo;
import org.stabilitylab.engine.run.RunStatus;
import org.stabilitylab.engine.run.RunSummary;
import org.stabilitylab.engine.run.StepMetrics;

/** One listener callback, captured on a worker thread and replayed on the FX thread; {@code runId} says whose. */
public sealed interface RunEvent {
    int runId();

    record Started(int runId, RunInfo info) implements RunEvent {
    }

    record Step(int runId, StepMetrics metrics) implements RunEvent {
    }

    record Status(int runId, RunStatus status) implements RunEvent {
    }

    record Finished(int runId, RunSummary summary) implements RunEvent {
    }
}
