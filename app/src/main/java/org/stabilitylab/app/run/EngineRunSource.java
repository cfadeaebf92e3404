package org.stabilitylab.app.run;

import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.run.RunListener;
import org.stabilitylab.engine.run.RunStatus;
import org.stabilitylab.engine.run.TrainingRun;

/** The real run source: each run is an engine {@link TrainingRun} on its own worker thread. */
public final class EngineRunSource implements RunSource {
    @Override
    public RunHandle create(Experiment experiment) {
        TrainingRun run = new TrainingRun(experiment);
        return new RunHandle() {
            @Override
            public void addListener(RunListener listener) {
                run.addListener(listener);
            }

            @Override
            public void start(boolean paused) {
                run.start(paused);
            }

            @Override
            public void pause() {
                run.pause();
            }

            @Override
            public void resume() {
                run.resume();
            }

            @Override
            public void stepOnce() {
                run.stepOnce();
            }

            @Override
            public void stop() {
                run.stop();
            }

            @Override
            public RunStatus status() {
                return run.status();
            }
        };
    }
}
