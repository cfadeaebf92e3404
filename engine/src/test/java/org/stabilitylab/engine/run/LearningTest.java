package org.stabilitylab.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;

/** A small Transformer really learns: the reverse task reaches high validation accuracy. */
class LearningTest {

    static Experiment reverse(String arch, int steps) {
        Experiment e = Presets.defaults();
        String[][] settings = {
            {"task.kind", "reverse"}, {"task.vocab", "10"}, {"task.length", "8"},
            {"model.arch", arch}, {"model.encoderLayers", "2"}, {"model.decoderLayers", "2"},
            {"model.dModel", "32"}, {"model.heads", "4"}, {"model.ffn", "64"}, {"model.dropout", "0"},
            {"train.lr", "0.003"}, {"train.warmup", "50"}, {"train.schedule", "constant"},
            {"train.steps", String.valueOf(steps)}, {"train.batch", "32"}, {"train.labelSmoothing", "0"},
            {"probe.every", "50"},
        };
        for (String[] kv : settings) {
            e = Presets.with(e, kv[0], kv[1]);
        }
        return e;
    }

    @Test
    void twoLayerEncoderDecoderLearnsToReverse() {
        RunSummary s = new TrainingRun(reverse("encoder-decoder", 400)).runBlocking();
        System.out.println("reverse enc-dec: " + s);
        assertEquals(RunStatus.DONE, s.status());
        assertTrue(s.finalAccuracy() >= 0.95, "validation token accuracy " + s.finalAccuracy());
    }
}
