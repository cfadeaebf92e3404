package org.stabilitylab.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;
import org.stabilitylab.engine.record.RunRecordWriter;

/** Same seed and thread count give the same metrics.csv and layers.csv; another seed does not. */
class DeterminismTest {
    private static final List<String> TIMING_COLUMNS = List.of("tokensPerSec", "msPerStep");

    @TempDir
    Path dir;

    /** The run's metrics.csv without the wall-clock columns, then its layers.csv. */
    private List<String> record(Experiment e, String name) throws IOException {
        Path out = dir.resolve(name);
        TrainingRun run = new TrainingRun(e);
        run.addListener(new RunRecordWriter(out));
        run.runBlocking();
        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        List<String> header = Arrays.asList(metrics.get(0).split(",", -1));
        List<String> rows = metrics.stream().map(line -> {
            String[] cells = line.split(",", -1);
            StringBuilder kept = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                if (!TIMING_COLUMNS.contains(header.get(i))) {
                    kept.append(cells[i]).append(',');
                }
            }
            return kept.toString();
        }).collect(Collectors.toList());
        assertEquals(List.of("step", "loss", "lr", "gradNorm", "updateChange"), header.subList(0, 5));
        rows.addAll(Files.readAllLines(out.resolve("layers.csv")));
        return rows;
    }

    @Test
    void sameSeedGivesIdenticalRecords() throws IOException {
        Experiment e = LearningTest.reverse("decoder-only", 12);
        e = Presets.with(Presets.with(e, "probe.every", "4"), "model.dropout", "0.1");
        List<String> first = record(e, "a");
        assertEquals(1 + 12 + 1 + 4 * 4, first.size(), "header + 12 steps, header + 4 probes x 4 sublayers");
        assertEquals(first, record(e, "b"));
        assertNotEquals(first, record(Presets.with(e, "seed", "2"), "c"));
    }
}
