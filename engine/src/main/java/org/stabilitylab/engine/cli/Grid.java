package org.stabilitylab.engine.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stabilitylab.engine.config.BadInputException;
import org.stabilitylab.engine.config.Presets;
import org.stabilitylab.engine.config.Sweep;

/** The --grid options of a sweep: keys with their values, expanded into every combination. */
final class Grid {
    private final Map<String, List<String>> axes = new LinkedHashMap<>();

    static Grid parse(List<String> options) {
        if (options.isEmpty()) {
            throw new BadInputException("--grid", "missing; give key=v1,v2,... e.g. --grid model.norm=post,pre"
                    + " (or use a preset with a sweep block)");
        }
        Grid grid = new Grid();
        for (String option : options) {
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException("--grid", "'" + option + "' is not key=v1,v2,...");
            }
            String key = option.substring(0, eq).strip();
            Presets.info(key); // rejects unknown keys with a "did you mean"
            if (grid.axes.containsKey(key)) {
                throw new BadInputException("--grid", key + " is given twice");
            }
            List<String> values = new ArrayList<>();
            for (String v : option.substring(eq + 1).split(",", -1)) {
                if (v.isBlank()) {
                    throw new BadInputException("--grid", key + " has an empty value in '" + option + "'");
                }
                values.add(v.strip());
            }
            grid.axes.put(key, values);
        }
        return grid;
    }

    /** A grid from a preset's sweep block (already checked when the preset was read). */
    static Grid of(Map<String, List<String>> axes) {
        Grid grid = new Grid();
        axes.forEach((k, v) -> grid.axes.put(k, List.copyOf(v)));
        return grid;
    }

    List<String> keys() {
        return List.copyOf(axes.keySet());
    }

    /** Every combination, first key varying slowest; each maps key to value in key order. */
    List<Map<String, String>> combinations() {
        return new Sweep(axes, 1).combinations();
    }
}
