package org.stabilitylab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sweep --preset with a sweep block and no --grid runs the preset's own grid and seeds; --grid replaces it. */
class SweepPresetGridTest {
    private static final String TINY = "{\"name\": \"tiny-grid\", \"task\": {\"length\": 4},"
            + " \"model\": {\"encoderLayers\": 1, \"decoderLayers\": 1, \"dModel\": 16, \"heads\": 2, \"ffn\": 16},"
            + " \"train\": {\"steps\": 1}, \"probe\": {\"every\": 0},"
            + " \"sweep\": {\"grid\": {\"model.norm\": [\"post\", \"pre\"]}, \"seeds\": 2}}";

    @Test
    void thePresetsGridAndSeedsAreTheDefault(@TempDir Path tmp) throws Exception {
        Path preset = tmp.resolve("tiny-grid.json");
        Files.writeString(preset, TINY);
        CliRunner r = CliRunner.run("sweep", "--preset", preset.toString(), "--quiet", "--out",
                tmp.resolve("own").toString());
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(tmp.resolve("own").resolve("sweep.csv"));
        assertTrue(rows.get(0).startsWith("model.norm,seed,status"), rows.get(0));
        assertEquals(1 + 2 * 2, rows.size(), rows.toString());

        CliRunner replaced = CliRunner.run("sweep", "--preset", preset.toString(), "--grid", "train.lr=0.001",
                "--quiet", "--out", tmp.resolve("given").toString());
        assertEquals(0, replaced.code(), replaced.err());
        List<String> given = Files.readAllLines(tmp.resolve("given").resolve("sweep.csv"));
        assertTrue(given.get(0).startsWith("train.lr,seed,status"), given.get(0));
        assertEquals(1 + 1, given.size(), given.toString());
    }
}
