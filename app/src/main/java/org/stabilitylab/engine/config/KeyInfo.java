package org.stabilitylab.engine.config;

import java.util.List;

/** TEMPORARY STUB in app until branch config lands (same signature); delete on merge. */
public record KeyInfo(String key, String kind, List<String> choices, double min, double max, String help) {
    public KeyInfo {
        choices = List.copyOf(choices);
    }
}
