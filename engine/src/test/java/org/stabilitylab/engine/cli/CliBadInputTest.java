package org.stabilitylab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input exits 2 with one line naming what was wrong, before any training starts. */
class CliBadInputTest {

    private static void assertBadInput(CliRunner r, String expectedStart) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertTrue(r.err().startsWith(expectedStart), r.err());
        assertEquals("", r.out());
    }

    @Test
    void unknownCommand() {
        assertBadInput(CliRunner.run("train", "--preset", "post-ln-6"),
                "train: unknown command; commands are run, sweep, amplify, bench, presets");
    }

    @Test
    void unknownOption() {
        assertBadInput(CliRunner.run("run", "--preset", "post-ln-6", "--stpes", "5"),
                "--stpes: unknown option for run; allowed: --out, --preset, --quiet, --seed, --set, --steps");
    }

    @Test
    void missingOptionValue() {
        assertBadInput(CliRunner.run("run", "--preset", "post-ln-6", "--steps"), "--steps: missing value");
    }

    @Test
    void badSetKey() {
        assertBadInput(CliRunner.run("run", "--preset", "post-ln-6", "--set", "model.nrom=pre"),
                "model.nrom: not a settable key; did you mean model.norm?");
    }

    @Test
    void badSetValue() {
        assertBadInput(CliRunner.run("run", "--preset", "post-ln-6", "--set", "model.norm=pst"),
                "model.norm: 'pst' is not one of post, pre, none");
    }

    @Test
    void setWithoutEquals() {
        assertBadInput(CliRunner.run("run", "--preset", "post-ln-6", "--set", "model.norm"),
                "--set: 'model.norm' is not key=value");
    }

    @Test
    void crossKeyRuleAfterAllSets() {
        assertBadInput(CliRunner.run("run", "--preset", "post-ln-6", "--set", "model.heads=5"),
                "model.heads: 5 does not divide model.dModel 64");
        CliRunner ok = CliRunner.run("run", "--preset", "post-ln-6", "--set", "model.dModel=60",
                "--set", "model.heads=5", "--set", "model.heads=7");
        assertTrue(ok.err().startsWith("model.heads: 7 does not divide model.dModel 60"), ok.err());
    }

    @Test
    void badSteps() {
        assertBadInput(CliRunner.run("run", "--preset", "post-ln-6", "--steps", "0"),
                "train.steps: 0 is not in 1..1000000");
    }

    @Test
    void unknownPresetName() {
        assertBadInput(CliRunner.run("run", "--preset", "post-ln-7"),
                "preset: 'post-ln-7' is neither a .json file nor a shipped preset; shipped: admin-6, paper-1-amplification");
    }

    @Test
    void missingPresetFile() {
        assertBadInput(CliRunner.run("run", "--preset", "no/such/file.json"), "no/such/file.json: no such file");
    }

    @Test
    void malformedJsonFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\n  \"name\": \"broken\",\n  \"model\": {\"norm\": \"pre\",}\n}\n");
        assertBadInput(CliRunner.run("run", "--preset", file.toString()),
                file + ": malformed JSON at line 3");
    }

    @Test
    void badValueInsideAPresetFileNamesKeyAndFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"model\": {\"norm\": \"pst\"}}");
        CliRunner r = CliRunner.run("run", "--preset", file.toString());
        assertBadInput(r, "model.norm: 'pst' is not one of post, pre, none");
        assertTrue(r.err().strip().endsWith("(in " + file + ")"), r.err());
    }

    @Test
    void missingPreset() {
        assertBadInput(CliRunner.run("run", "--steps", "5"), "--preset: missing; give a preset file or name");
    }

    @Test
    void strayArgument() {
        assertBadInput(CliRunner.run("run", "post-ln-6"), "run: unexpected argument 'post-ln-6'");
    }

    @Test
    void sweepNeedsAGridAndChecksItsValuesBeforeTraining() {
        assertBadInput(CliRunner.run("sweep", "--preset", "post-ln-6"), "--grid: missing");
        assertBadInput(CliRunner.run("sweep", "--preset", "post-ln-6", "--grid", "model.norm=post,pst"),
                "model.norm: 'pst' is not one of post, pre, none");
        assertBadInput(CliRunner.run("sweep", "--preset", "post-ln-6", "--grid", "model.nrom=post"),
                "model.nrom: not a settable key");
        assertBadInput(CliRunner.run("sweep", "--preset", "post-ln-6", "--grid", "model.norm=post",
                "--seeds", "x"), "--seeds: 'x' is not a whole number in 1..1000");
    }

    @Test
    void amplifyChecksDepths() {
        assertBadInput(CliRunner.run("amplify", "--preset", "post-ln-6"), "--depths: missing");
        assertBadInput(CliRunner.run("amplify", "--preset", "post-ln-6", "--depths", "1,two"),
                "--depths: 'two' is not a depth in 1..64");
    }

    @Test
    void outFolderThatCannotBeCreated(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "not a folder");
        assertBadInput(CliRunner.run("run", "--preset", "post-ln-6", "--out", file.resolve("run").toString()),
                "--out: cannot create folder");
    }

    @Test
    void noArgumentsPrintsUsageAndExits2() {
        CliRunner r = CliRunner.run();
        assertEquals(2, r.code());
        assertTrue(r.err().contains("usage:"), r.err());
    }
}
