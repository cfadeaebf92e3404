package org.stabilitylab.engine.config;

/**
 * One experiment, immutable: everything needed to rebuild and rerun a training run bit for bit.
 * Built and validated only by {@link Presets}; {@code lesson} may be empty, {@code sweep} is
 * {@link Sweep#NONE} unless the preset carries a grid.
 */
public record Experiment(int schema, String name, String description, String lesson, long seed,
                         TaskSpec task, ModelSpec model, TrainSpec train, ProbeSpec probe, Sweep sweep) {

    /** The preset schema version this build reads and writes. */
    public static final int SCHEMA = 1;

    public Experiment {
        sweep = sweep == null ? Sweep.NONE : sweep;
    }

    /** This experiment without its sweep block: what one run of a sweep trains. */
    public Experiment withoutSweep() {
        return sweep.isEmpty() ? this : new Experiment(schema, name, description, lesson, seed, task, model, train,
                probe, Sweep.NONE);
    }
}
