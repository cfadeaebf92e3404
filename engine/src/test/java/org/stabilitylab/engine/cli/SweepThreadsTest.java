package org.stabilitylab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sweep --threads: runs trained side by side give the same rows, in the same (plan) order, as the
 * same sweep trained one run at a time; only the timing columns differ.
 */
class SweepThreadsTest {
    private static final String TINY = "{\"name\": \"tiny-par\", \"task\": {\"length\": 5},"
            + " \"model\": {\"encoderLayers\": 1, \"decoderLayers\": 2, \"dModel\": 16, \"heads\": 2, \"ffn\": 32},"
            + " \"train\": {\"steps\": 25, \"batch\": 8}, \"probe\": {\"every\": 5}}";

    @Test
    void sideBySideRunsGiveTheRowsOfOneAtATime(@TempDir Path tmp) throws Exception {
        Path preset = tmp.resolve("tiny-par.json");
        Files.writeString(preset, TINY);
        List<List<String>> serial = sweep(tmp, preset, "1");
        List<List<String>> parallel = sweep(tmp, preset, "3");
        assertEquals(1 + 3 * 2, serial.size());
        assertEquals(serial, parallel);
        // the rows really are distinct runs (placements and seeds), in plan order
        assertEquals(List.of("post", "post", "pre", "pre", "none", "none"),
                serial.subList(1, serial.size()).stream().map(r -> r.get(0)).toList());
        assertTrue(!serial.get(1).get(3).equals(serial.get(2).get(3)), "two seeds, one final loss: " + serial);
    }

    /** sweep.csv's rows without the wallSeconds and msPerStep columns. */
    private static List<List<String>> sweep(Path tmp, Path preset, String threads) throws Exception {
        Path out = tmp.resolve("threads-" + threads);
        CliRunner r = CliRunner.run("sweep", "--preset", preset.toString(), "--grid", "model.norm=post,pre,none",
                "--seeds", "2", "--threads", threads, "--quiet", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("sweep.csv"));
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int wall = header.indexOf("wallSeconds");
        int ms = header.indexOf("msPerStep");
        assertTrue(wall > 0 && ms > 0, header.toString());
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
            cells.remove(Math.max(wall, ms));
            cells.remove(Math.min(wall, ms));
            rows.add(cells);
        }
        return rows;
    }
}
