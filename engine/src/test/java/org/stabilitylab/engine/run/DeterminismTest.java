package org.stabilitylab.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;

/** Same seed and thread count give identical metrics; another seed gives different ones. */
class DeterminismTest {

    private static List<String> metrics(Experiment e) {
        List<String> rows = new ArrayList<>();
        TrainingRun run = new TrainingRun(e);
        run.addListener(new RunListener() {
            @Override
            public void onStep(StepMetrics m) {
                // every measured value except wall-clock timings
                rows.add(m.step() + "," + m.loss() + "," + m.lr() + "," + m.gradNorm() + "," + m.updateChange() + ","
                        + m.outputChange() + "," + m.valLoss() + "," + m.valAccuracy() + "," + m.layers().stream()
                        .map(l -> l.varBranch() + "/" + l.varSum() + "/" + l.gradNorm()).toList());
            }
        });
        run.runBlocking();
        return rows;
    }

    @Test
    void sameSeedGivesIdenticalMetrics() {
        Experiment e = LearningTest.reverse("decoder-only", 12);
        e = Presets.with(Presets.with(e, "probe.every", "4"), "model.dropout", "0.1");
        List<String> first = metrics(e);
        assertEquals(12, first.size());
        assertEquals(first, metrics(e));
        assertNotEquals(first, metrics(Presets.with(e, "seed", "2")));
    }
}
