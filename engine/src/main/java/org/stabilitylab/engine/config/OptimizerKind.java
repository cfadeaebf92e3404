package org.stabilitylab.engine.config;

/** Optimiser family. */
public enum OptimizerKind implements Choice {
    ADAM("adam"),
    SGD("sgd");

    private final String id;

    OptimizerKind(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
