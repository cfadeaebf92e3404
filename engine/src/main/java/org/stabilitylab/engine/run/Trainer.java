package org.stabilitylab.engine.run;

import org.stabilitylab.engine.config.Experiment;

/** Placeholder until the model lands: the training loop behind {@link TrainingRun}. */
final class Trainer implements AutoCloseable {
    Trainer(Experiment experiment) {
    }

    RunInfo prepare() {
        throw new UnsupportedOperationException("model not built yet");
    }

    boolean finished() {
        return true;
    }

    StepMetrics step() {
        throw new UnsupportedOperationException();
    }

    RunSummary summary(RunStatus override, String reason) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
