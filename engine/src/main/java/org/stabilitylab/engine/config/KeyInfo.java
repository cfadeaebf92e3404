package org.stabilitylab.engine.config;

import java.util.List;

/**
 * What a settable preset key accepts, for UI forms and tooltips.
 *
 * @param key     dotted key, as used by {@code --set}
 * @param kind    "int", "double", "choice" or "text"
 * @param choices the allowed ids for a choice key, otherwise empty
 * @param min     smallest allowed number (for text: shortest length); NaN for choices
 * @param max     largest allowed number (for text: longest length); NaN for choices
 * @param help    one plain sentence for a tooltip
 */
public record KeyInfo(String key, String kind, List<String> choices, double min, double max, String help) {

    public KeyInfo {
        choices = List.copyOf(choices);
    }
}
