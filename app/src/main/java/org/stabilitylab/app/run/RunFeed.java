package org.stabilitylab.app.run;

import java.util.Queue;
import org.stabilitylab.engine.run.RunInfo;
import org.stabilitylab.engine.run.RunListener;
import org.stabilitylab.engine.run.RunStatus;
import org.stabilitylab.engine.run.RunSummary;
import org.stabilitylab.engine.run.StepMetrics;

/** Listener that only enqueues: the worker thread never waits for, or touches, the UI. */
public final class RunFeed implements RunListener {
    private final int runId;
    private final Queue<RunEvent> queue;

    public RunFeed(int runId, Queue<RunEvent> queue) {
        this.runId = runId;
        this.queue = queue;
    }

    @Override
    public void onStart(RunInfo info) {
        queue.add(new RunEvent.Started(runId, info));
    }

    @Override
    public void onStep(StepMetrics metrics) {
        queue.add(new RunEvent.Step(runId, metrics));
    }

    @Override
    public void onStatus(RunStatus status) {
        queue.add(new RunEvent.Status(runId, status));
    }

    @Override
    public void onFinish(RunSummary summary) {
        queue.add(new RunEvent.Finished(runId, summary));
    }
}
