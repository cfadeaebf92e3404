package org.stabilitylab.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;

/**
 * Validation runs on its own period (probe.validateEvery) and always at the last step, independent
 * of the per-layer probes; 0 means only at the end.
 */
class ValidationScheduleTest {
    private static List<Integer> validatedSteps(Experiment e) {
        List<Integer> steps = new ArrayList<>();
        TrainingRun run = new TrainingRun(e);
        run.addListener(new RunListener() {
            @Override
            public void onStep(StepMetrics m) {
                if (Double.isFinite(m.valLoss())) {
                    steps.add(m.step());
                }
            }
        });
        RunSummary s = run.runBlocking();
        assertEquals(RunStatus.DONE, s.status());
        return steps;
    }

    @Test
    void validatesOnItsOwnPeriodAndAtTheEnd() {
        Experiment e = Presets.with(LearningTest.reverse("decoder-only", 11), "probe.every", "2");
        assertEquals(List.of(4, 8, 11), validatedSteps(Presets.with(e, "probe.validateEvery", "4")));
        assertEquals(List.of(11), validatedSteps(Presets.with(e, "probe.validateEvery", "0")));
        // the shipped default, spelled out so changing it is a visible decision
        assertEquals(50, Presets.defaults().probe().validateEvery());
    }
}
