package org.stabilitylab.engine.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;

/** Lists the shipped presets, or with --keys every settable preset key and what it accepts. */
final class PresetsCommand implements Command {
    @Override
    public String name() {
        return "presets";
    }

    @Override
    public String summary() {
        return "list the shipped presets (--keys: the keys --set accepts)";
    }

    @Override
    public String usage() {
        return """
                usage: presets [--keys]
                  --keys   list every preset key with its allowed values instead
                """;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of();
    }

    @Override
    public Set<String> flags() {
        return Set.of("--keys");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) {
        if (args.has("--keys")) {
            for (String key : Presets.keys()) {
                var info = Presets.info(key);
                String allowed = switch (info.kind()) {
                    case "choice" -> String.join("|", info.choices());
                    case "text" -> "text";
                    default -> info.kind() + " " + (info.max() > 1e15 ? ">= " + number(info.min())
                            : number(info.min()) + ".." + number(info.max()));
                };
                out.printf("%-22s %-30s %s%n", key, allowed, info.help());
            }
            return Main.OK;
        }
        List<Experiment> shipped = Presets.shipped();
        int width = shipped.stream().mapToInt(e -> e.name().length()).max().orElse(0);
        for (Experiment e : shipped) {
            out.printf("%-" + width + "s  %s%n", e.name(), e.description());
        }
        return Main.OK;
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
