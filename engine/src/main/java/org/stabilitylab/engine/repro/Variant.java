package org.stabilitylab.engine.repro;

import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;

/** The paper's three contenders; every finding compares them with all other settings equal. */
public enum Variant {
    POST("Post-LN", "post", "default"),
    PRE("Pre-LN", "pre", "default"),
    ADMIN("Admin", "post", "admin");

    private final String label;
    private final String norm;
    private final String init;

    Variant(String label, String norm, String init) {
        this.label = label;
        this.norm = norm;
        this.init = init;
    }

    public String label() {
        return label;
    }

    /** {@code base} with this variant's layer-norm placement and initialisation. */
    public Experiment apply(Experiment base) {
        Experiment e = Presets.with(base, "model.init", "default");
        e = Presets.with(e, "model.norm", norm);
        return Presets.with(e, "model.init", init);
    }
}
