package org.stabilitylab.app.vm;

import java.util.Collection;
import java.util.List;

/** Six colours that stay distinct for colour-blind viewers (Okabe-Ito), one per run slot. */
public final class RunPalette {
    /** Hex colours, in the order runs receive them. */
    public static final List<String> COLOURS = List.of(
            "#D55E00", // vermillion
            "#0072B2", // blue
            "#009E73", // green
            "#CC79A7", // purple
            "#E69F00", // orange
            "#56B4E9"); // sky blue

    private RunPalette() {
    }

    /** The first colour no current run uses (or the least recently used one when all are taken). */
    public static String nextFree(Collection<String> inUse) {
        for (String c : COLOURS) {
            if (!inUse.contains(c)) {
                return c;
            }
        }
        return COLOURS.get(inUse.size() % COLOURS.size());
    }
}
