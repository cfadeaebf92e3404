package org.stabilitylab.app;

import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;

/** A model small enough that the real engine trains it in a second or two: tests drive the real thing. */
public final class TinyPreset {
    private TinyPreset() {
    }

    public static Experiment experiment(int steps) {
        Experiment e = Presets.defaults();
        String[][] sets = {
            {"name", "tiny"}, {"model.encoderLayers", "1"}, {"model.decoderLayers", "1"}, {"model.dModel", "16"},
            {"model.heads", "2"}, {"model.ffn", "32"}, {"model.dropout", "0"}, {"task.kind", "copy"},
            {"task.vocab", "8"}, {"task.length", "5"}, {"train.batch", "8"}, {"train.warmup", "5"},
            {"train.steps", Integer.toString(steps)}, {"probe.every", "5"},
        };
        for (String[] kv : sets) {
            e = Presets.with(e, kv[0], kv[1]);
        }
        Presets.validate(e);
        return e;
    }
}
