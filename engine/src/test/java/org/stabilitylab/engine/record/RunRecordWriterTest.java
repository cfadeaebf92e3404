package org.stabilitylab.engine.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;
import org.stabilitylab.engine.run.LayerMetrics;
import org.stabilitylab.engine.run.RunInfo;
import org.stabilitylab.engine.run.RunStatus;
import org.stabilitylab.engine.run.RunSummary;
import org.stabilitylab.engine.run.StepMetrics;
import org.stabilitylab.engine.run.SublayerInfo;

class RunRecordWriterTest {
    private static final Experiment EXPERIMENT = Presets.load("admin-6");
    private static final Map<String, double[]> OMEGA = Map.of("encoder", new double[] {1.0, 1.32, 1.44},
            "decoder", new double[] {1.0, 1.25});

    private static RunInfo info() {
        return new RunInfo(EXPERIMENT, "CPU nd4j-native", "AMD EPYC", 123_456,
                List.of(new SublayerInfo("encoder", 1, "self-attn"), new SublayerInfo("encoder", 2, "ffn")), OMEGA);
    }

    private static List<StepMetrics> steps() {
        List<StepMetrics> steps = new ArrayList<>();
        for (int s = 1; s <= 5; s++) {
            boolean probed = s % 2 == 1;
            List<LayerMetrics> layers = probed
                    ? List.of(new LayerMetrics("encoder", 1, "self-attn", 0.5 * s, 1.5, Math.sqrt(1.0 / 3), 0.01 * s),
                            new LayerMetrics("encoder", 2, "ffn", 0.25, Double.NaN, 0.4, 0.02))
                    : List.of();
            double nan = Double.NaN;
            steps.add(new StepMetrics(s, 2.0 / s, 1e-4 * s, 1.5, 12_345.6, 31.25, probed ? 1e-7 * s : nan,
                    probed ? 3e-6 : nan, probed ? 2.5 / s : nan, probed ? 0.1 * s : nan, layers));
        }
        steps.add(new StepMetrics(6, Double.NaN, 6e-4, Double.POSITIVE_INFINITY, 1.0, 30, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, List.of()));
        return steps;
    }

    private static RunSummary summary() {
        return new RunSummary(RunStatus.DIVERGED, Double.NaN, 0.4, 2.5, 0.5, true, 6, 6, 1.25, 31.0,
                "non-finite loss", OMEGA);
    }

    private static Path writeAll(Path dir, boolean finish) {
        RunRecordWriter w = new RunRecordWriter(dir);
        w.onStart(info());
        steps().forEach(w::onStep);
        if (finish) {
            w.onFinish(summary());
        }
        assertTrue(w.failure().isEmpty());
        return dir;
    }

    @Test
    void metricsCsvHasTheContractHeaderOneRowPerStepAndEmptyCellsForNaN(@TempDir Path tmp) throws Exception {
        Path dir = writeAll(tmp.resolve("run"), true);
        List<String> lines = Files.readAllLines(dir.resolve("metrics.csv"));
        assertEquals("step,loss,lr,gradNorm,updateChange,outputChange,valLoss,valAccuracy,tokensPerSec,msPerStep",
                lines.get(0));
        assertEquals(1 + 6, lines.size());
        assertTrue(lines.get(2).startsWith("2,1.0,2.0E-4,1.5,,,,,"), lines.get(2));
        assertEquals("6,,6.0E-4,Infinity,,,,,1.0,30.0", lines.get(6));
    }

    @Test
    void layersCsvHasOneRowPerLayerProbe(@TempDir Path tmp) throws Exception {
        Path dir = writeAll(tmp.resolve("run"), true);
        List<String> lines = Files.readAllLines(dir.resolve("layers.csv"));
        assertEquals("step,stack,sublayer,kind,varBranch,varSum,betaOwn,gradNorm", lines.get(0));
        assertEquals(1 + 3 * 2, lines.size()); // steps 1, 3, 5 probed, two sublayers each
        assertEquals("1,encoder,2,ffn,0.25,,0.4,0.02", lines.get(2));
    }

    @Test
    void runJsonHoldsExperimentVersionsAndSummaryWithNullsForNonFinite(@TempDir Path tmp) throws Exception {
        Path dir = writeAll(tmp.resolve("run"), true);
        JsonObject root = JsonParser.parseString(Files.readString(dir.resolve("run.json"))).getAsJsonObject();
        assertEquals(EXPERIMENT, Presets.parse(root.get("experiment").toString(), "run.json"));
        assertEquals(EXPERIMENT.seed(), root.get("seed").getAsLong());
        JsonObject versions = root.getAsJsonObject("versions");
        for (String key : List.of("app", "nd4jBackend", "device", "java")) {
            assertTrue(versions.has(key), key);
        }
        assertEquals("CPU nd4j-native", versions.get("nd4jBackend").getAsString());
        JsonObject s = root.getAsJsonObject("summary");
        assertTrue(s.get("finalLoss").isJsonNull());
        assertEquals(0.4, s.get("bestLoss").getAsDouble());
        assertTrue(s.get("diverged").getAsBoolean());
        assertEquals(6, s.get("divergedAtStep").getAsInt());
        assertEquals("DIVERGED", s.get("status").getAsString());
        assertEquals(3, s.getAsJsonObject("omega").getAsJsonArray("encoder").size());
        for (String key : List.of("finalValLoss", "finalAccuracy", "steps", "wallSeconds", "msPerStep", "reason")) {
            assertTrue(s.has(key), key);
        }
    }

    @Test
    void readGivesBackWhatWasWritten(@TempDir Path tmp) throws Exception {
        RunRecord r = RunRecords.read(writeAll(tmp.resolve("run"), true));
        assertEquals(EXPERIMENT, r.experiment());
        assertEquals(steps(), r.steps());
        RunSummary expected = summary();
        RunSummary got = r.summary();
        assertEquals(expected.status(), got.status());
        assertEquals(expected.bestLoss(), got.bestLoss());
        assertTrue(Double.isNaN(got.finalLoss()));
        assertEquals(expected.divergedAtStep(), got.divergedAtStep());
        assertEquals(expected.reason(), got.reason());
        assertEquals(expected.msPerStep(), got.msPerStep());
        assertArrayEquals(OMEGA.get("encoder"), got.omega().get("encoder"));
        assertEquals(123_456, r.info().parameters());
        assertEquals(info().sublayers(), r.info().sublayers());
        assertArrayEquals(OMEGA.get("decoder"), r.info().omega().get("decoder"));
        assertEquals("AMD EPYC", r.versions().get("device"));
    }

    @Test
    void anUnfinishedRunReadsBackWithoutASummary(@TempDir Path tmp) throws Exception {
        Path dir = writeAll(tmp.resolve("run"), false);
        Files.writeString(dir.resolve("metrics.csv"), "7,0.5,1e-3", java.nio.file.StandardOpenOption.APPEND);
        RunRecord r = RunRecords.read(dir);
        assertNull(r.summary());
        assertEquals(6, r.steps().size(), "the cut-off last line is dropped");
        assertEquals(2, r.steps().get(0).layers().size());
    }

    @Test
    void aRunThatFailsBeforeStartingStillLeavesAReadableRecord(@TempDir Path tmp) throws Exception {
        RunRecordWriter w = new RunRecordWriter(tmp.resolve("failed"));
        w.onFinish(new RunSummary(RunStatus.FAILED, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, null, 0,
                0.1, Double.NaN, "IllegalStateException: boom", Map.of()));
        RunRecord r = RunRecords.read(tmp.resolve("failed"));
        assertNull(r.experiment());
        assertEquals(RunStatus.FAILED, r.summary().status());
        assertNull(r.summary().divergedAtStep());
        assertTrue(r.steps().isEmpty());
    }
}
