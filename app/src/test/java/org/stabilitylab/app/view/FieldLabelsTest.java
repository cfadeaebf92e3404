package org.stabilitylab.app.view;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stabilitylab.engine.config.Presets;

/** Every preset key the engine offers has a place in the form (or is deliberately shown elsewhere). */
class FieldLabelsTest {
    @Test
    void everyEngineKeyIsInTheForm() {
        Set<String> placed = new HashSet<>(FieldLabels.NOT_IN_SECTIONS);
        for (FieldLabels.Section s : FieldLabels.SECTIONS) {
            placed.addAll(s.keys());
        }
        for (String key : Presets.keys()) {
            assertTrue(placed.contains(key), "preset key " + key + " has no field in the experiment form");
        }
    }
}
