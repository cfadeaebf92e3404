package org.stabilitylab.engine.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An optional grid a preset carries so that one file can describe a whole sweep (e.g. the paper's
 * learning rate x Adam beta2 grid without warmup): {@code sweep --preset X} runs it when no --grid is given.
 * Why in the preset: a finding like "Post-LN fails over much of the grid" is a property of a grid, not of one run.
 *
 * @param grid  dotted preset key to the values to try, in key order (values in the text form of --set)
 * @param seeds how many seeds each combination runs with, starting at the experiment's seed
 */
public record Sweep(Map<String, List<String>> grid, int seeds) {
    /** No grid: an ordinary single-run preset. */
    public static final Sweep NONE = new Sweep(Map.of(), 1);

    public Sweep {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        grid.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        grid = Collections.unmodifiableMap(copy);
    }

    public boolean isEmpty() {
        return grid.isEmpty();
    }

    /** Every combination of the grid, first key varying slowest; each maps key to value in key order. */
    public List<Map<String, String>> combinations() {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> axis : grid.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String v : axis.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(axis.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }
}
