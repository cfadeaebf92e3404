package org.stabilitylab.engine.config;

import static org.stabilitylab.engine.config.PresetKey.IntKey.ofInt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.stabilitylab.engine.config.PresetKey.ChoiceKey;
import org.stabilitylab.engine.config.PresetKey.DoubleKey;
import org.stabilitylab.engine.config.PresetKey.IntKey;
import org.stabilitylab.engine.config.PresetKey.TextKey;

/**
 * The registry of settable preset keys, in display order: one line per key with its range or
 * choices, its tooltip and where it lives in an experiment. Adding a setting means adding a line here.
 */
final class PresetKeys {
    static final int MAX_LAYERS = 64;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    static final List<PresetKey> ALL = List.of(
            new TextKey("name", 1, 64, NAME, "letters, digits, '.', '_' and '-', starting with a letter or digit",
                    "Short name of the experiment, used for run folders and preset files.",
                    d -> d.name, (d, v) -> d.name = v),
            new TextKey("description", 0, 500, null, null,
                    "One line saying what this experiment is.",
                    d -> d.description, (d, v) -> d.description = v),
            new TextKey("lesson", 0, 4000, null, null,
                    "What to look for while this experiment trains, in the paper's words.",
                    d -> d.lesson, (d, v) -> d.lesson = v),
            new IntKey("seed", 0, Long.MAX_VALUE,
                    "Random seed for weights, data and dropout: the same seed gives the same curve.",
                    d -> d.seed, (d, v) -> d.seed = v),

            new ChoiceKey<>("task.kind", TaskKind.class,
                    "The synthetic task: copy, reverse or sort the source, or translate it into a toy language"
                            + " (a fixed word mapping plus reordering, so cross-attention has real work).",
                    d -> d.taskKind, (d, v) -> d.taskKind = v),
            ofInt("task.vocab", 2, 1000, "Number of distinct data symbols in the sequences.",
                    d -> d.vocab, (d, v) -> d.vocab = v),
            ofInt("task.length", 2, 256, "Length of each source (and target) sequence in tokens.",
                    d -> d.length, (d, v) -> d.length = v),

            new ChoiceKey<>("model.arch", Arch.class,
                    "encoder-decoder = the paper's translation model with cross-attention; decoder-only = one"
                            + " causal stack that reads the source and then writes the target.",
                    d -> d.arch, (d, v) -> d.arch = v),
            ofInt("model.encoderLayers", 0, MAX_LAYERS,
                    "Encoder layers (each has self-attention and feed-forward sublayers); ignored by decoder-only.",
                    d -> d.encoderLayers, (d, v) -> d.encoderLayers = v),
            ofInt("model.decoderLayers", 0, MAX_LAYERS,
                    "Decoder layers (self-attention, cross-attention and feed-forward sublayers); the depth of a"
                            + " decoder-only model.",
                    d -> d.decoderLayers, (d, v) -> d.decoderLayers = v),
            ofInt("model.dModel", 8, 1024, "Width of the residual stream (d_model); must be a multiple of model.heads.",
                    d -> d.dModel, (d, v) -> d.dModel = v),
            ofInt("model.heads", 1, 64, "Number of attention heads; must divide model.dModel.",
                    d -> d.heads, (d, v) -> d.heads = v),
            ofInt("model.ffn", 1, 16384, "Hidden width of each feed-forward sublayer.",
                    d -> d.ffn, (d, v) -> d.ffn = v),
            new DoubleKey("model.dropout", 0, false, 1, true,
                    "Dropout probability on attention weights and sublayer outputs during training.",
                    d -> d.dropout, (d, v) -> d.dropout = v),
            new ChoiceKey<>("model.norm", Norm.class,
                    "Where the layer norm sits: post = LN(x + f(x)) (original, unstable when deep),"
                            + " pre = x + f(LN(x)) (stable), none = no layer norm.",
                    d -> d.norm, (d, v) -> d.norm = v),
            new ChoiceKey<>("model.init", Init.class,
                    "How weights start: default = Xavier, admin = Post-LN with each shortcut scaled by a profiled"
                            + " omega so early updates cannot be amplified (needs model.norm post).",
                    d -> d.init, (d, v) -> d.init = v),
            new ChoiceKey<>("model.positions", Positions.class,
                    "How token positions are encoded: fixed sinusoids or learned position embeddings.",
                    d -> d.positions, (d, v) -> d.positions = v),

            new ChoiceKey<>("train.optimizer", OptimizerKind.class,
                    "The optimiser: adam (what the paper uses) or sgd with momentum (trains Transformers poorly).",
                    d -> d.optimizer, (d, v) -> d.optimizer = v),
            new DoubleKey("train.lr", 0, true, 10, false,
                    "Peak learning rate, reached at the end of the warmup.",
                    d -> d.lr, (d, v) -> d.lr = v),
            new DoubleKey("train.beta1", 0, false, 1, true, "Adam's first-moment decay (beta1).",
                    d -> d.beta1, (d, v) -> d.beta1 = v),
            new DoubleKey("train.beta2", 0, false, 1, true,
                    "Adam's second-moment decay (beta2); the paper uses 0.98, and Post-LN without warmup is"
                            + " sensitive to it.",
                    d -> d.beta2, (d, v) -> d.beta2 = v),
            new DoubleKey("train.eps", 0, true, 1, true, "Adam's epsilon, added to the denominator for safety.",
                    d -> d.eps, (d, v) -> d.eps = v),
            new DoubleKey("train.momentum", 0, false, 1, true, "Momentum of the sgd optimiser.",
                    d -> d.momentum, (d, v) -> d.momentum = v),
            ofInt("train.warmup", 0, 1_000_000,
                    "Steps of linear learning-rate warmup from 0 to train.lr (0 = none); Post-LN needs it.",
                    d -> d.warmup, (d, v) -> d.warmup = v),
            new ChoiceKey<>("train.schedule", Schedule.class,
                    "Learning-rate shape after the warmup: constant, inverse-sqrt (the paper's), linear or cosine"
                            + " decay.",
                    d -> d.schedule, (d, v) -> d.schedule = v),
            ofInt("train.steps", 1, 1_000_000, "Number of optimiser steps to train for.",
                    d -> d.steps, (d, v) -> d.steps = v),
            ofInt("train.batch", 1, 4096, "Sequence pairs per optimiser step.",
                    d -> d.batch, (d, v) -> d.batch = v),
            new DoubleKey("train.labelSmoothing", 0, false, 1, true,
                    "Share of the target probability spread over the other symbols (the paper uses 0.1).",
                    d -> d.labelSmoothing, (d, v) -> d.labelSmoothing = v),
            new DoubleKey("train.clip", 0, false, 1e6, false,
                    "Largest allowed global gradient norm before scaling it down (0 = no clipping).",
                    d -> d.clip, (d, v) -> d.clip = v),

            ofInt("probe.every", 0, 1_000_000,
                    "Run the per-layer and output-change probes every this many steps (0 = never).",
                    d -> d.probeEvery, (d, v) -> d.probeEvery = v),
            ofInt("probe.validateEvery", 0, 1_000_000,
                    "Evaluate the held-out validation set every this many steps (0 = only at the end).",
                    d -> d.validateEvery, (d, v) -> d.validateEvery = v),
            new DoubleKey("probe.eps", 0, true, 1, false,
                    "Size of the random weight perturbation used to measure output change (the paper uses 1e-4).",
                    d -> d.probeEps, (d, v) -> d.probeEps = v));

    static final Map<String, PresetKey> BY_NAME = index();

    private PresetKeys() {
    }

    /** The key named {@code key}, or a message suggesting the nearest real key. */
    static PresetKey require(String key) {
        PresetKey k = BY_NAME.get(key);
        if (k == null) {
            throw new BadInputException(key, "not a settable key; " + suggestion(key));
        }
        return k;
    }

    /** The keys that live in one JSON section, in display order. */
    static List<PresetKey> inSection(String section) {
        return ALL.stream().filter(k -> k.section().equals(section)).toList();
    }

    static String suggestion(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : BY_NAME.keySet()) {
            int distance = distance(key.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (bestDistance <= 3) {
            return "did you mean " + best + "?";
        }
        return "keys are " + String.join(", ", BY_NAME.keySet());
    }

    private static Map<String, PresetKey> index() {
        Map<String, PresetKey> map = new LinkedHashMap<>();
        for (PresetKey k : ALL) {
            map.put(k.key, k);
        }
        return map;
    }

    /** Levenshtein distance, for "did you mean". */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(substitute, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
