package org.stabilitylab.app.run;

import org.stabilitylab.engine.config.Experiment;

/** Makes runs for experiments; the app uses the engine, tests may substitute a scripted source. */
@FunctionalInterface
public interface RunSource {
    RunHandle create(Experiment experiment);
}
