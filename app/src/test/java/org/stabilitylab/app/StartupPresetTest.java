package org.stabilitylab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stabilitylab.engine.config.Presets;

/** Opening the window on a preset file from the desktop: good files load, bad ones fall back and say why. */
class StartupPresetTest {

    @Test
    void aPresetFileWithTheDesktopExtensionLoads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("deep.stlab");
        Files.writeString(file, Presets.toJson(Presets.with(Presets.load("admin-6"), "model.encoderLayers", "9")));
        StartupPreset s = StartupPreset.of(file.toString());
        assertNull(s.problem());
        assertEquals(9, s.experiment().model().encoderLayers());
    }

    @Test
    void aShippedNameStillWorks() {
        assertEquals("admin-6", StartupPreset.of("admin-6").experiment().name());
    }

    @Test
    void brokenJsonGivesTheDefaultAndAMessageNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.stlab");
        Files.writeString(file, "{ \"model\": { \"encoderLayers\": ");
        StartupPreset s = StartupPreset.of(file.toString());
        assertEquals(Presets.defaults(), s.experiment());
        assertNotNull(s.problem());
        assertTrue(s.problem().error());
        assertTrue(s.problem().text().contains("broken.stlab"), s.problem().text());
        assertTrue(s.problem().text().contains("default preset"), s.problem().text());
    }

    @Test
    void aMissingFileGivesTheDefaultAndAMessage(@TempDir Path dir) {
        StartupPreset s = StartupPreset.of(dir.resolve("gone.json").toString());
        assertEquals(Presets.defaults(), s.experiment());
        assertTrue(s.problem().text().contains("no such file"), s.problem().text());
    }

    @Test
    void theVersionTextHasProgramBackendAndJava() {
        String t = VersionInfo.text("0.1.0", "nd4j-native 1.0.0-M2.1 (CPU, OPENBLAS)", "17.0.15");
        assertEquals("Transformer Stability Lab 0.1.0\nND4J backend: nd4j-native 1.0.0-M2.1 (CPU, OPENBLAS)\n"
                + "Java: 17.0.15", t);
    }
}
