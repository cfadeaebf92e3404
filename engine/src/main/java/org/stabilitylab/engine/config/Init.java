package org.stabilitylab.engine.config;

/** Initialisation strategy: Xavier defaults, or Admin's profiled shortcut scaling omega. */
public enum Init implements Choice {
    DEFAULT("default"),
    ADMIN("admin");

    private final String id;

    Init(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
