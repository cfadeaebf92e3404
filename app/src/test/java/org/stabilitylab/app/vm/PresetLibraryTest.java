package org.stabilitylab.app.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stabilitylab.app.TinyPreset;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;

/** Saving presets into the user's folder, reading them back, never overwriting without being told. */
class PresetLibraryTest {
    @TempDir
    Path home;

    @Test
    void savedPresetLoadsBackEqual() throws Exception {
        PresetLibrary lib = new PresetLibrary(home.resolve("presets"), home.resolve("recent.txt"));
        Experiment e = Presets.with(TinyPreset.experiment(30), "train.lr", "0.0042");
        Path file = lib.save(e, "my-tiny", false);
        assertTrue(Files.isRegularFile(file));
        assertEquals(home.resolve("presets").resolve("my-tiny.json"), file);
        Experiment back = lib.open(file.toString());
        assertEquals(Presets.with(e, "name", "my-tiny"), back);
        assertEquals(1, lib.saved().size());
        assertEquals(file.toString(), lib.recent().get(0));
        PresetLibrary again = new PresetLibrary(home.resolve("presets"), home.resolve("recent.txt"));
        assertEquals(file.toString(), again.recent().get(0), "recent list survives a restart");
    }

    @Test
    void refusesToOverwriteUnlessAsked() throws Exception {
        PresetLibrary lib = new PresetLibrary(home.resolve("presets"), home.resolve("recent.txt"));
        Experiment e = TinyPreset.experiment(30);
        lib.save(e, "mine", false);
        Experiment changed = Presets.with(e, "train.steps", "99");
        assertThrows(FileAlreadyExistsException.class, () -> lib.save(changed, "mine", false));
        assertEquals(30, lib.open(home.resolve("presets/mine.json").toString()).train().steps());
        lib.save(changed, "mine", true);
        assertEquals(99, lib.open(home.resolve("presets/mine.json").toString()).train().steps());
    }

    @Test
    void shippedPresetsAreOffered() {
        PresetLibrary lib = new PresetLibrary(home.resolve("presets"), home.resolve("recent.txt"));
        assertFalse(lib.shipped().isEmpty());
        assertTrue(lib.shipped().stream().allMatch(p -> !p.name().isBlank() && !p.description().isBlank()));
    }
}
