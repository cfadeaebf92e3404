package org.stabilitylab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;
import org.stabilitylab.engine.task.Batch;
import org.stabilitylab.engine.task.Task;
import org.stabilitylab.engine.task.Tasks;

/** Admin's profiling follows science.md section 2 exactly, stack by stack. */
class AdminProfilingTest {

    @Test
    void omegaStartsAtOneGrowsAndFollowsTheRunningVarianceFormula() {
        Experiment e = Presets.defaults();
        for (String[] kv : new String[][] {{"model.init", "admin"}, {"model.norm", "post"},
                {"model.encoderLayers", "6"}, {"model.decoderLayers", "3"}}) {
            e = Presets.with(e, kv[0], kv[1]);
        }
        Task task = Tasks.create(e.task());
        Batch profiling = task.sample(32, new SplittableRandom(1));
        try (Learner learner = new Learner(e, task.vocab(), task.sourceLength(), task.targetLength(), profiling, true)) {
            assertEquals(List.of("decoder", "encoder"), learner.omega().keySet().stream().sorted().toList());
            assertEquals(12, learner.omega().get("encoder").length);
            assertEquals(9, learner.omega().get("decoder").length);
            for (var entry : learner.profileRecords().entrySet()) {
                List<double[]> walk = entry.getValue();
                String stack = entry.getKey();
                assertEquals(1.0, walk.get(0)[0], 0.0, stack + ": omega_1 must be 1");
                for (int i = 1; i < walk.size(); i++) {
                    double[] prev = walk.get(i - 1);
                    double expected = Math.sqrt(prev[1] + prev[2]); // sqrt(Var[x*omega] + Var[f])
                    assertEquals(expected, walk.get(i)[0], 1e-9, stack + ": omega_" + (i + 1));
                    assertTrue(walk.get(i)[0] > prev[0], stack + ": omega must increase at " + (i + 1));
                    assertEquals(walk.get(i)[0], learner.omega().get(stack)[i], 0.0);
                }
            }
        }
    }
}
