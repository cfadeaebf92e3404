package org.stabilitylab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stabilitylab.engine.record.RunRecord;
import org.stabilitylab.engine.record.RunRecords;

/** End-to-end: each training command on a tiny model, checking the files it leaves behind. */
class CliSmokeTest {
    private static final List<String> TINY = List.of("--set", "model.encoderLayers=1", "--set", "model.decoderLayers=1",
            "--set", "model.dModel=16", "--set", "model.heads=2", "--set", "model.ffn=32", "--set", "task.length=5",
            "--set", "probe.every=2");

    private static String[] args(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(TINY);
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    @Test
    void runWritesACompleteRecord(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        CliRunner r = CliRunner.run(args(List.of("run", "--preset", "post-ln-6"), "--steps", "5",
                "--out", out.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("post-ln-6: DONE"), r.out());
        assertTrue(r.err().contains("step 5/5"), "progress on stderr: " + r.err());

        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals("step,loss,lr,gradNorm,updateChange,outputChange,valLoss,valAccuracy,tokensPerSec,msPerStep",
                metrics.get(0));
        assertEquals(1 + 5, metrics.size());
        List<String> layers = Files.readAllLines(out.resolve("layers.csv"));
        assertEquals("step,stack,sublayer,kind,varBranch,varSum,betaOwn,gradNorm", layers.get(0));
        assertTrue(layers.size() > 1, "probes ran on steps 2 and 4");

        RunRecord record = RunRecords.read(out);
        assertNotNull(record.summary());
        assertEquals(5, record.summary().steps());
        assertEquals(5, record.steps().size());
        assertEquals(5, record.experiment().train().steps());
        assertEquals(16, record.experiment().model().dModel());
    }

    @Test
    void runQuietPrintsNoProgress(@TempDir Path tmp) {
        CliRunner r = CliRunner.run(args(List.of("run", "--preset", "pre-ln-6"), "--steps", "2", "--quiet",
                "--out", tmp.resolve("q").toString()));
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
    }

    @Test
    void sweepRunsEveryCombinationAndSeed(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("sweep");
        CliRunner r = CliRunner.run(args(List.of("sweep", "--preset", "post-ln-6"), "--steps", "3",
                "--grid", "model.norm=post,pre", "--grid", "train.lr=0.001,0.0005", "--seeds", "2", "--quiet",
                "--out", out.toString()));
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("sweep.csv"));
        assertTrue(rows.get(0).startsWith("model.norm,train.lr,seed,status,finalLoss,bestLoss,finalValLoss,"
                + "finalAccuracy,diverged,divergedAtStep,steps,wallSeconds,msPerStep"), rows.get(0));
        assertEquals(1 + 2 * 2 * 2, rows.size());
        assertTrue(rows.get(1).startsWith("post,0.001,1,"), rows.get(1));
        assertTrue(rows.get(2).startsWith("post,0.001,2,"), rows.get(2));
        try (var folders = Files.list(out)) {
            assertEquals(8, folders.filter(Files::isDirectory).filter(d -> Files.exists(d.resolve("run.json"))).count());
        }
    }

    @Test
    void amplifyWritesOneRowPerDepthAndSeed(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("amp");
        CliRunner r = CliRunner.run(args(List.of("amplify", "--preset", "post-ln-6"), "--depths", "1,2",
                "--seeds", "2", "--quiet", "--out", out.toString()));
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("amplify.csv"));
        assertEquals("depth,seed,norm,init,outputChange", rows.get(0));
        assertEquals(1 + 2 * 2, rows.size());
        assertTrue(r.out().contains("depth"), r.out());
    }

    @Test
    void benchPrintsTimingsWithoutWritingARecord(@TempDir Path tmp) {
        CliRunner r = CliRunner.run(args(List.of("bench", "--preset", "post-ln-6"), "--steps", "10"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("ms/step     median"), r.out());
        assertTrue(r.out().contains("tokens/s"), r.out());
        assertTrue(r.out().contains("parameters"), r.out());
        assertTrue(r.out().contains("backend"), r.out());
        assertFalse(r.out().contains("probes"), "no probe pass unless asked: " + r.out());
    }

    @Test
    void benchWithProbesAlsoReportsTheirOverhead() {
        CliRunner r = CliRunner.run(args(List.of("bench", "--preset", "post-ln-6"), "--steps", "10", "--probes", "5"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*probes +every 5 steps: mean wall [0-9.]+ ms/step vs [0-9.]+ without \\([+-][0-9.]+%\\).*"),
                r.out());
        assertTrue(r.out().matches("(?s).*same run: mean wall [0-9.]+ ms/step vs [0-9.]+ on its steps without probes"
                + " or validation \\([+-][0-9.]+%\\).*"), r.out());
    }
}
