package org.stabilitylab.engine.config;

/** Position information added to the scaled token embedding. */
public enum Positions implements Choice {
    SINUSOIDAL("sinusoidal"),
    LEARNED("learned");

    private final String id;

    Positions(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
