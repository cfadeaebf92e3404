package org.stabilitylab.app.view;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the form groups and names the engine's preset keys; keys it does not know go to "Other". */
public final class FieldLabels {
    /** A titled group of keys in the experiment form. */
    public record Section(String title, List<String> keys) {
    }

    public static final List<Section> SECTIONS = List.of(
            new Section("Model", List.of("model.arch", "model.encoderLayers", "model.decoderLayers", "model.dModel",
                    "model.heads", "model.ffn", "model.dropout", "model.positions")),
            new Section("Task", List.of("task.kind", "task.vocab", "task.length")),
            new Section("Training", List.of("train.optimizer", "train.lr", "train.warmup", "train.schedule",
                    "train.steps", "train.batch", "train.beta1", "train.beta2", "train.eps", "train.momentum",
                    "train.labelSmoothing", "train.clip", "seed")),
            new Section("Probes", List.of("probe.every", "probe.eps", "probe.validateEvery")));

    /** Keys shown elsewhere (placement/init at the top) or not in the form at all (text fields). */
    public static final List<String> NOT_IN_SECTIONS = List.of("model.norm", "model.init", "schema", "name",
            "description", "lesson");

    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("seed", "Seed");
        LABELS.put("task.kind", "Task");
        LABELS.put("task.vocab", "Vocabulary");
        LABELS.put("task.length", "Sequence length");
        LABELS.put("model.arch", "Architecture");
        LABELS.put("model.encoderLayers", "Encoder layers");
        LABELS.put("model.decoderLayers", "Decoder layers");
        LABELS.put("model.dModel", "d_model");
        LABELS.put("model.heads", "Heads");
        LABELS.put("model.ffn", "FFN width");
        LABELS.put("model.dropout", "Dropout");
        LABELS.put("model.positions", "Positions");
        LABELS.put("model.norm", "Layer norm");
        LABELS.put("model.init", "Initialisation");
        LABELS.put("train.optimizer", "Optimizer");
        LABELS.put("train.lr", "Learning rate");
        LABELS.put("train.beta1", "Adam \u03b21");
        LABELS.put("train.beta2", "Adam \u03b22");
        LABELS.put("train.eps", "Adam \u03b5");
        LABELS.put("train.momentum", "Momentum");
        LABELS.put("train.warmup", "Warmup steps");
        LABELS.put("train.schedule", "LR schedule");
        LABELS.put("train.steps", "Steps");
        LABELS.put("train.batch", "Batch size");
        LABELS.put("train.labelSmoothing", "Label smoothing");
        LABELS.put("train.clip", "Gradient clip");
        LABELS.put("probe.every", "Probe every");
        LABELS.put("probe.eps", "Perturbation \u03b5");
        LABELS.put("probe.validateEvery", "Validate every");
    }

    private FieldLabels() {
    }

    /** "Learning rate" for "train.lr"; unknown keys become "Some key" from "x.someKey". */
    public static String label(String key) {
        String l = LABELS.get(key);
        if (l != null) {
            return l;
        }
        String last = key.substring(key.lastIndexOf('.') + 1);
        String spaced = last.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
