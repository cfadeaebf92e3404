package org.stabilitylab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line the installer's launcher and desktop entry pass: {@code program FILE}, --version, --help. */
class AppOptionsTest {

    @Test
    void aPlainArgumentIsThePresetFileToOpen() {
        AppOptions o = AppOptions.parse(List.of("/home/ann/deep.stlab"));
        assertEquals("/home/ann/deep.stlab", o.preset());
        assertFalse(o.version());
        assertNull(o.screenshot());
    }

    @Test
    void aFileWorksTogetherWithTheScreenshotMode() {
        AppOptions o = AppOptions.parse(List.of("--screenshot", "out.png", "--steps", "5", "my preset.json"));
        assertEquals("my preset.json", o.preset());
        assertEquals(Path.of("out.png"), o.screenshot());
        assertEquals(5, o.steps());
    }

    @Test
    void versionAndHelpAreFlags() {
        assertTrue(AppOptions.parse(List.of("--version")).version());
        assertTrue(AppOptions.parse(List.of("-V")).version());
        assertTrue(AppOptions.parse(List.of("--help")).help());
        assertFalse(AppOptions.parse(List.of()).help());
    }

    @Test
    void twoFilesOrAFileAndPresetAreRefusedWithTheUsage() {
        var two = assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(List.of("a.json", "b.json")));
        assertTrue(two.getMessage().contains("one preset FILE at a time"), two.getMessage());
        assertTrue(two.getMessage().contains("usage:"), two.getMessage());
        var both = assertThrows(IllegalArgumentException.class,
                () -> AppOptions.parse(List.of("--preset", "admin-6", "b.json")));
        assertTrue(both.getMessage().contains("not both"), both.getMessage());
    }

    @Test
    void anUnknownDashedWordIsAnOptionErrorNotAFile() {
        var e = assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(List.of("--verison")));
        assertTrue(e.getMessage().startsWith("unknown option '--verison'"), e.getMessage());
    }
}
