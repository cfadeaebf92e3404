package org.stabilitylab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `reproduce --quick` end to end, run once: the report and its charts are written, and every finding that
 * holds robustly at CI scale is reported HELD with numbers past its threshold. Findings 3b (Admin overtakes
 * Pre-LN) and 6b (Admin's dependency grows with training) need the full run length, or do not show at toy
 * scale, and are left to the full report.
 */
class ReproduceQuickTest {
    @TempDir
    static Path out;
    private static String report;
    private static String stderr;
    private static final Map<String, JsonObject> FINDINGS = new HashMap<>();

    @BeforeAll
    static void reproduceQuick() throws Exception {
        CliRunner r = CliRunner.run("reproduce", "--quick", "--out", out.toString());
        stderr = r.err();
        System.out.println(r.out());
        assertEquals(0, r.code(), stderr);
        assertTrue(r.out().contains("report: "), r.out());
        report = Files.readString(out.resolve("report.md"));
        JsonObject root = JsonParser.parseString(Files.readString(out.resolve("findings.json"))).getAsJsonObject();
        for (JsonElement f : root.getAsJsonArray("findings")) {
            FINDINGS.put(f.getAsJsonObject().get("id").getAsString(), f.getAsJsonObject());
        }
    }

    private static JsonObject finding(String id) {
        JsonObject f = FINDINGS.get(id);
        assertTrue(f != null, "finding " + id + " in findings.json");
        return f;
    }

    private static double number(String id, String key) {
        return finding(id).getAsJsonObject("numbers").get(key).getAsDouble();
    }

    private static void assertHeld(String id) {
        JsonObject f = finding(id);
        assertTrue(f.get("held").getAsBoolean(), "finding " + id + ": " + f.get("verdict").getAsString());
    }

    @Test
    void reportHasAVerdictLinePerFindingAndItsChartsBesideIt() throws Exception {
        List<String> ids = List.of("1", "2", "3", "3b", "4", "5", "6", "6b", "7");
        assertEquals(ids.size(), FINDINGS.size(), FINDINGS.keySet().toString());
        for (String id : ids) {
            assertTrue(report.contains("## " + id + ". "), "section " + id);
            for (JsonElement image : finding(id).getAsJsonArray("images")) {
                Path png = out.resolve(image.getAsString());
                assertTrue(Files.size(png) > 1000, png.toString());
                assertTrue(report.contains("](" + image.getAsString() + ")"), "report links " + png);
                byte[] head = Files.readAllBytes(png);
                assertEquals((byte) 0x89, head[0]);
                assertEquals('P', head[1]);
            }
        }
        long verdicts = report.lines().filter(l -> l.startsWith("**Verdict: HELD**")
                || l.startsWith("**Verdict: NOT HELD**")).count();
        assertEquals(ids.size(), verdicts, report);
        assertTrue(stderr.contains("finding 3: "), "progress on stderr: " + stderr);
    }

    @Test
    void shallowPostLnPreLnAndAdminAllTrain() {
        assertHeld("2");
        assertEquals(number("2", "runs"), number("2", "trainedRuns"));
    }

    @Test
    void deepPostLnStallsFarAboveAdminWhilePreLnAndAdminTrain() {
        assertHeld("3");
        assertTrue(number("3", "postOverAdmin.min") >= 1.5, finding("3").toString());
        assertTrue(number("3", "valLoss.admin") < 0.75 * Math.log(11), finding("3").toString());
    }

    @Test
    void withoutWarmupPostLnFailsWhereAdminTrains() {
        assertHeld("4");
        assertTrue(number("4", "failed.post") > number("4", "failed.admin"), finding("4").toString());
    }

    @Test
    void adamTrainsFarBetterThanSgd() {
        assertHeld("5");
        assertTrue(number("5", "valLoss.adam") < 0.85 * number("5", "valLoss.bestSgd"), finding("5").toString());
    }

    @Test
    void atInitPostLnLeansOnEveryBranchWhilePreLnAndAdminLeanLessWithDepth() {
        assertHeld("6");
        assertTrue(number("6", "lateInit.post") >= 1.5 * number("6", "lateInit.pre"), finding("6").toString());
        assertTrue(number("6", "lateInit.post") >= 1.5 * number("6", "lateInit.admin"), finding("6").toString());
        assertTrue(number("6", "lateInit.post") > 0.4, "Post-LN's betaOwn stays high at depth: " + finding("6"));
    }

    @Test
    void postLnOutputChangeGrowsNearlyLinearlyWithDepthPreLnAndAdminOnlySlowly() {
        assertHeld("1");
        double post = number("1", "growth.post");
        assertTrue(post > 6, "1 -> 16 layers should multiply Post-LN's output change about 10x: " + finding("1"));
        assertTrue(post > 2 * number("1", "growth.pre") && post > 2 * number("1", "growth.admin"), finding("1").toString());
        assertTrue(number("1", "slope.post") > 0.6, "near-linear: " + finding("1"));
    }

    @Test
    void adminOmegasStartAtOneAndGrowLikeTheSquareRootOfTheSublayerIndex() {
        assertHeld("7");
        assertEquals(1.0, number("7", "omega.first"), 1e-9);
        assertEquals(12, number("7", "sublayers"));
        assertTrue(number("7", "r2") >= 0.9, finding("7").toString());
        assertTrue(number("7", "omega.last") > 1.5, finding("7").toString());
    }
}
