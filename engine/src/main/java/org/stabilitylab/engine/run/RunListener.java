package org.stabilitylab.engine.run;

/**
 * Receives a run's immutable snapshots, on the run's own thread: keep handlers short and never
 * touch UI state from them directly. The app, the CLI, the run-record writer and tests are all listeners.
 */
public interface RunListener {
    default void onStart(RunInfo info) {
    }

    default void onStep(StepMetrics metrics) {
    }

    default void onStatus(RunStatus status) {
    }

    default void onFinish(RunSummary summary) {
    }
}
