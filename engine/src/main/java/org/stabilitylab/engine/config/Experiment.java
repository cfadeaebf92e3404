package org.stabilitylab.engine.config;

/**
 * One experiment, immutable: everything needed to rebuild and rerun a training run bit for bit.
 * Built and validated only by {@link Presets}; {@code lesson} may be empty.
 */
public record Experiment(int schema, String name, String description, String lesson, long seed,
                         TaskSpec task, ModelSpec model, TrainSpec train, ProbeSpec probe) {

    /** The preset schema version this build reads and writes. */
    public static final int SCHEMA = 1;
}
