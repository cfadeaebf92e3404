package org.stabilitylab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;

/** The commands that only describe things: presets, --help, --version. */
class CliInfoTest {

    @Test
    void presetsListsEveryShippedPresetWithItsDescription() {
        CliRunner r = CliRunner.run("presets");
        assertEquals(0, r.code(), r.err());
        List<Experiment> shipped = Presets.shipped();
        assertEquals(shipped.size(), r.out().lines().count(), r.out());
        for (Experiment e : shipped) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(e.name() + " ") && l.endsWith(e.description())),
                    e.name() + " in\n" + r.out());
        }
    }

    @Test
    void presetsKeysListsEverySettableKey() {
        CliRunner r = CliRunner.run("presets", "--keys");
        assertEquals(0, r.code(), r.err());
        for (String key : Presets.keys()) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(key + " ")), key);
        }
        assertTrue(r.out().contains("post|pre|none"), r.out());
    }

    @Test
    void helpListsTheCommands() {
        CliRunner r = CliRunner.run("--help");
        assertEquals(0, r.code());
        for (String c : List.of("run", "sweep", "amplify", "bench", "presets")) {
            assertTrue(r.out().contains("  " + c + " "), c + " in\n" + r.out());
        }
    }

    @Test
    void commandHelpShowsItsOptions() {
        CliRunner r = CliRunner.run("sweep", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("usage: sweep --preset"), r.out());
        assertTrue(r.out().contains("--grid key=v1,v2"), r.out());
    }

    @Test
    void versionPrintsOneLine() {
        CliRunner r = CliRunner.run("--version");
        assertEquals(0, r.code());
        assertEquals(1, r.out().lines().count());
        assertTrue(r.out().startsWith("stability-lab "), r.out());
    }
}
