package org.stabilitylab.app.run;

import org.stabilitylab.engine.run.RunListener;
import org.stabilitylab.engine.run.RunStatus;

/** The controls the app needs on one training run, so view models can be tested with a scripted double. */
public interface RunHandle {
    void addListener(RunListener listener);

    void start(boolean paused);

    void pause();

    void resume();

    void stepOnce();

    void stop();

    RunStatus status();
}
