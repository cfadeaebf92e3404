package org.stabilitylab.engine.repro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two findings measured without training (amplification at init, Admin's omegas), at CI scale. */
class ProfilingFindingsTest {

    private static FindingResult run(Finding f, Path out) throws Exception {
        try (Lab lab = new Lab(1, null)) {
            FindingResult r = f.run(new Finding.Context(lab, Scale.QUICK, out, null));
            System.out.println("finding " + r.id() + ": " + r.verdict() + " " + r.numbers());
            for (String image : r.images()) {
                assertTrue(Files.size(out.resolve(image)) > 1000, image);
            }
            return r;
        }
    }

    @Test
    void postLnOutputChangeGrowsNearlyLinearlyWithDepthPreLnAndAdminOnlySlowly(@TempDir Path out) throws Exception {
        FindingResult r = run(new AmplificationFinding(), out);
        double post = r.numbers().get("growth.post");
        double pre = r.numbers().get("growth.pre");
        double admin = r.numbers().get("growth.admin");
        assertTrue(r.held(), r.verdict());
        assertTrue(post > 4, "1 -> 16 layers should multiply Post-LN's output change about 16x: " + r.verdict());
        assertTrue(post > 2 * pre && post > 2 * admin, r.verdict());
        assertTrue(r.numbers().get("slope.post") > 0.6, "near-linear: " + r.numbers());
    }

    @Test
    void adminOmegasStartAtOneAndGrowLikeTheSquareRootOfTheSublayerIndex(@TempDir Path out) throws Exception {
        FindingResult r = run(new OmegaFinding(), out);
        assertTrue(r.held(), r.verdict());
        assertEquals(1.0, r.numbers().get("omega.first"), 1e-9);
        assertEquals(12, r.numbers().get("sublayers"));
        assertTrue(r.numbers().get("r2") >= 0.9, r.verdict());
        assertTrue(r.numbers().get("omega.last") > 1.5, r.verdict());
    }
}
