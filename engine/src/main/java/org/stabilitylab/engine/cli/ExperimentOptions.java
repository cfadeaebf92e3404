package org.stabilitylab.engine.cli;

import java.util.Set;
import org.stabilitylab.engine.config.BadInputException;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;

/**
 * The options every training command shares: which preset, then {@code --set} overrides in the
 * order given, then {@code --steps} and {@code --seed}; cross-key rules are checked once, at the end.
 */
final class ExperimentOptions {
    static final Set<String> VALUED = Set.of("--preset", "--set", "--steps", "--seed");
    static final String USAGE = """
              --preset FILE|NAME   a preset .json file or a shipped preset name (see `presets`)
              --set key=value      override one preset key, e.g. --set model.norm=pre (repeatable)
              --steps N            shorthand for --set train.steps=N
              --seed S             shorthand for --set seed=S
            """;

    private ExperimentOptions() {
    }

    static Experiment from(Args args) {
        Experiment e = Presets.load(args.require("--preset", "a preset file or name (see `presets`)"));
        for (String assignment : args.values("--set")) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException("--set", "'" + assignment + "' is not key=value, e.g. model.norm=pre");
            }
            e = Presets.with(e, assignment.substring(0, eq).strip(), assignment.substring(eq + 1));
        }
        if (args.has("--steps")) {
            e = Presets.with(e, "train.steps", args.value("--steps"));
        }
        if (args.has("--seed")) {
            e = Presets.with(e, "seed", args.value("--seed"));
        }
        Presets.validate(e);
        return e;
    }
}
