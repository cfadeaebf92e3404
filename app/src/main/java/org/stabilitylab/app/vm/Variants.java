package org.stabilitylab.app.vm;

import java.util.List;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;

/** The paper's three contenders and their short names: Post-LN, Pre-LN and Admin. */
public final class Variants {
    private Variants() {
    }

    /** One placement + initialisation pair. */
    public record Variant(String label, String norm, String init) {
    }

    public static final List<Variant> COMPARE = List.of(
            new Variant("Post-LN", "post", "default"),
            new Variant("Pre-LN", "pre", "default"),
            new Variant("Admin", "post", "admin"));

    /** {@code base} with only placement and initialisation changed. */
    public static Experiment apply(Experiment base, Variant v) {
        Experiment e = Presets.with(base, "model.init", "default");
        e = Presets.with(e, "model.norm", v.norm());
        return Presets.with(e, "model.init", v.init());
    }

    /** "Post-LN", "Pre-LN", "Admin", or "norm/init" for anything else. */
    public static String label(Experiment e) {
        String norm = e.model().norm().id();
        String init = e.model().init().id();
        for (Variant v : COMPARE) {
            if (v.norm().equals(norm) && v.init().equals(init)) {
                return v.label();
            }
        }
        return "none".equals(norm) && "default".equals(init) ? "No-LN" : norm + "/" + init;
    }
}
