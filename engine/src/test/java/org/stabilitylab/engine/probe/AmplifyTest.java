package org.stabilitylab.engine.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;

/** Finding 1 of the paper at toy scale: Post-LN amplifies weight perturbations far more as depth grows. */
class AmplifyTest {
    private static final int SHALLOW = 1;
    private static final int DEEP = 16;
    private static final int SEEDS = 3;

    private static double growth(String norm, String init) {
        Experiment e = Presets.with(Presets.with(Presets.defaults(), "model.norm", norm), "model.init", init);
        List<AmplifyPoint> seen = new ArrayList<>();
        List<AmplifyPoint> points = Amplify.measure(e, List.of(SHALLOW, DEEP), SEEDS, seen::add);
        assertEquals(Set.copyOf(points), Set.copyOf(seen), "every point is reported as progress");
        assertEquals(2 * SEEDS, points.size());
        double shallow = points.stream().filter(p -> p.depth() == SHALLOW).mapToDouble(AmplifyPoint::outputChange).average().orElseThrow();
        double deep = points.stream().filter(p -> p.depth() == DEEP).mapToDouble(AmplifyPoint::outputChange).average().orElseThrow();
        assertTrue(shallow > 0 && deep > 0);
        return deep / shallow;
    }

    @Test
    void postLnOutputChangeGrowsSeveralTimesFasterWithDepthThanPreLnAndAdmin() {
        double post = growth("post", "default");
        double pre = growth("pre", "default");
        double admin = growth("post", "admin");
        String figures = String.format("growth from depth %d to %d: post %.2f, pre %.2f, admin %.2f", SHALLOW, DEEP, post, pre, admin);
        System.out.println(figures);
        assertTrue(post > 6, figures);
        assertTrue(post > 2 * pre, figures);
        assertTrue(post > 2 * admin, figures);
    }
}
