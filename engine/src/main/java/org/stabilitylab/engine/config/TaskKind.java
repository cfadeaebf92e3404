package org.stabilitylab.engine.config;

/** Synthetic sequence-to-sequence task generated from the seed. */
public enum TaskKind implements Choice {
    COPY("copy"),
    REVERSE("reverse"),
    SORT("sort"),
    TRANSLATE("translate");

    private final String id;

    TaskKind(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
