package org.stabilitylab.engine.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stabilitylab.engine.config.BadInputException;

/**
 * One command's options, parsed against the options it accepts. Options take a value
 * ({@code --steps 5} or {@code --steps=5}) unless they are flags; any option may repeat, and
 * single-valued ones keep the last value.
 */
final class Args {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private Args() {
    }

    /**
     * @param valued options that take a value, e.g. "--preset"
     * @param flags  options without a value, e.g. "--quiet"
     */
    static Args parse(String command, List<String> argv, Set<String> valued, Set<String> flags) {
        Args args = new Args();
        for (int i = 0; i < argv.size(); i++) {
            String token = argv.get(i);
            if (!token.startsWith("--")) {
                throw new BadInputException(command, "unexpected argument '" + token + "'; options start with --"
                        + " (see " + command + " --help)");
            }
            String name = token;
            String value = null;
            int eq = token.indexOf('=');
            if (eq > 0) {
                name = token.substring(0, eq);
                value = token.substring(eq + 1);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new BadInputException(name, "takes no value");
                }
                args.values.computeIfAbsent(name, k -> new ArrayList<>()).add("");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= argv.size() || argv.get(i + 1).startsWith("--")) {
                        throw new BadInputException(name, "missing value");
                    }
                    value = argv.get(++i);
                }
                args.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                List<String> allowed = new ArrayList<>(valued);
                allowed.addAll(flags);
                allowed.sort(null);
                throw new BadInputException(name, "unknown option for " + command + "; allowed: "
                        + String.join(", ", allowed));
            }
        }
        return args;
    }

    boolean has(String option) {
        return values.containsKey(option);
    }

    /** The last value given for {@code option}, or null. */
    String value(String option) {
        List<String> v = values.get(option);
        return v == null ? null : v.get(v.size() - 1);
    }

    List<String> values(String option) {
        return values.getOrDefault(option, List.of());
    }

    String require(String option, String what) {
        String v = value(option);
        if (v == null) {
            throw new BadInputException(option, "missing; give " + what);
        }
        return v;
    }

    /** An integer option in [min, max], or {@code fallback} when absent. */
    int integer(String option, int fallback, int min, int max) {
        String v = value(option);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw new BadInputException(option, "'" + v + "' is not a whole number in " + min + ".." + max);
    }
}
