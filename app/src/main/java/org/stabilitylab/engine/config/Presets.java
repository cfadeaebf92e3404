package org.stabilitylab.engine.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TEMPORARY STUB in app until branch config lands (same signatures, crude behaviour); delete on merge. */
public final class Presets {
    private static final Map<String, KeyInfo> KEYS = new LinkedHashMap<>();

    static {
        put("seed", "int", List.of(), 0, 1e9, "Random seed for weights and data.");
        put("task.kind", "choice", ids(TaskKind.class), Double.NaN, Double.NaN, "The synthetic task.");
        put("task.vocab", "int", List.of(), 2, 1000, "Number of data symbols.");
        put("task.length", "int", List.of(), 1, 256, "Source sequence length.");
        put("model.arch", "choice", ids(Arch.class), Double.NaN, Double.NaN, "Architecture.");
        put("model.encoderLayers", "int", List.of(), 0, 100, "Encoder layers.");
        put("model.decoderLayers", "int", List.of(), 1, 100, "Decoder layers.");
        put("model.dModel", "int", List.of(), 4, 1024, "Model width.");
        put("model.heads", "int", List.of(), 1, 64, "Attention heads; must divide d_model.");
        put("model.ffn", "int", List.of(), 4, 8192, "Feed-forward width.");
        put("model.dropout", "double", List.of(), 0, 0.9, "Dropout rate.");
        put("model.norm", "choice", ids(Norm.class), Double.NaN, Double.NaN, "Layer-norm placement.");
        put("model.init", "choice", ids(Init.class), Double.NaN, Double.NaN, "Initialisation.");
        put("model.positions", "choice", ids(Positions.class), Double.NaN, Double.NaN, "Positions.");
        put("train.optimizer", "choice", ids(OptimizerKind.class), Double.NaN, Double.NaN, "Optimiser.");
        put("train.lr", "double", List.of(), 1e-6, 10, "Peak learning rate.");
        put("train.beta1", "double", List.of(), 0, 0.999999, "Adam beta1.");
        put("train.beta2", "double", List.of(), 0, 0.999999, "Adam beta2.");
        put("train.warmup", "int", List.of(), 0, 1000000, "Warmup steps.");
        put("train.schedule", "choice", ids(Schedule.class), Double.NaN, Double.NaN, "Schedule.");
        put("train.steps", "int", List.of(), 1, 10000000, "Steps.");
        put("train.batch", "int", List.of(), 1, 4096, "Batch size.");
        put("train.labelSmoothing", "double", List.of(), 0, 0.99, "Label smoothing.");
        put("train.clip", "double", List.of(), 0, 1000, "Gradient clipping, 0 = none.");
        put("probe.every", "int", List.of(), 0, 1000000, "Probe interval.");
    }

    private Presets() {
    }

    private static void put(String k, String kind, List<String> c, double min, double max, String help) {
        KEYS.put(k, new KeyInfo(k, kind, c, min, max, help));
    }

    private static <E extends Enum<E> & Choice> List<String> ids(Class<E> t) {
        List<String> out = new ArrayList<>();
        for (E e : t.getEnumConstants()) {
            out.add(e.id());
        }
        return out;
    }

    public static Experiment defaults() {
        return new Experiment(Experiment.SCHEMA, "default", "A small Post-LN encoder-decoder on the copy task.",
                "Watch the loss fall; then press Compare.", 1,
                new TaskSpec(TaskKind.COPY, 10, 8),
                new ModelSpec(Arch.ENCODER_DECODER, 2, 2, 32, 4, 64, 0.1, Norm.POST, Init.DEFAULT, Positions.SINUSOIDAL),
                new TrainSpec(OptimizerKind.ADAM, 1e-3, 0.9, 0.98, 1e-8, 0, 50, Schedule.INVERSE_SQRT, 300, 32, 0.1, 0),
                new ProbeSpec(10, 1e-4));
    }

    public static List<Experiment> shipped() {
        Experiment d = defaults();
        return List.of(d, with(with(with(d, "model.encoderLayers", "6"), "model.decoderLayers", "6"), "name", "deep"));
    }

    public static Experiment parse(String json, String source) {
        throw new BadInputException(source, "parsing lands with branch config");
    }

    public static Experiment load(String fileOrName) {
        for (Experiment e : shipped()) {
            if (e.name().equals(fileOrName)) {
                return e;
            }
        }
        try {
            return parse(Files.readString(Path.of(fileOrName)), fileOrName);
        } catch (java.io.IOException ex) {
            throw new BadInputException(fileOrName, "cannot read: " + ex.getMessage());
        }
    }

    public static String toJson(Experiment e) {
        return e.toString();
    }

    public static List<String> keys() {
        return List.copyOf(KEYS.keySet());
    }

    public static KeyInfo info(String key) {
        KeyInfo i = KEYS.get(key);
        if (i == null) {
            throw new BadInputException(key, "unknown key");
        }
        return i;
    }

    public static String get(Experiment e, String key) {
        ModelSpec m = e.model();
        TrainSpec t = e.train();
        return switch (key) {
            case "name" -> e.name();
            case "seed" -> Long.toString(e.seed());
            case "task.kind" -> e.task().kind().id();
            case "task.vocab" -> Integer.toString(e.task().vocab());
            case "task.length" -> Integer.toString(e.task().length());
            case "model.arch" -> m.arch().id();
            case "model.encoderLayers" -> Integer.toString(m.encoderLayers());
            case "model.decoderLayers" -> Integer.toString(m.decoderLayers());
            case "model.dModel" -> Integer.toString(m.dModel());
            case "model.heads" -> Integer.toString(m.heads());
            case "model.ffn" -> Integer.toString(m.ffn());
            case "model.dropout" -> Double.toString(m.dropout());
            case "model.norm" -> m.norm().id();
            case "model.init" -> m.init().id();
            case "model.positions" -> m.positions().id();
            case "train.optimizer" -> t.optimizer().id();
            case "train.lr" -> Double.toString(t.lr());
            case "train.beta1" -> Double.toString(t.beta1());
            case "train.beta2" -> Double.toString(t.beta2());
            case "train.warmup" -> Integer.toString(t.warmup());
            case "train.schedule" -> t.schedule().id();
            case "train.steps" -> Integer.toString(t.steps());
            case "train.batch" -> Integer.toString(t.batch());
            case "train.labelSmoothing" -> Double.toString(t.labelSmoothing());
            case "train.clip" -> Double.toString(t.clip());
            case "probe.every" -> Integer.toString(e.probe().every());
            default -> throw new BadInputException(key, "unknown key");
        };
    }

    public static Experiment with(Experiment e, String key, String value) {
        ModelSpec m = e.model();
        TrainSpec t = e.train();
        TaskSpec k = e.task();
        if (key.equals("name")) {
            return new Experiment(e.schema(), value, e.description(), e.lesson(), e.seed(), k, m, t, e.probe());
        }
        KeyInfo info = info(key);
        double num = Double.NaN;
        if (!info.kind().equals("choice")) {
            try {
                num = Double.parseDouble(value.trim());
            } catch (NumberFormatException ex) {
                throw new BadInputException(key, "'" + value + "' is not a number");
            }
            if (info.kind().equals("int") && num != Math.rint(num)) {
                throw new BadInputException(key, "'" + value + "' is not a whole number");
            }
            if (num < info.min() || num > info.max()) {
                throw new BadInputException(key, value + " is outside " + info.min() + " .. " + info.max());
            }
        }
        int n = (int) num;
        Experiment r = switch (key) {
            case "seed" -> new Experiment(e.schema(), e.name(), e.description(), e.lesson(), n, k, m, t, e.probe());
            case "task.kind" -> exp(e, new TaskSpec(Choice.parse(TaskKind.class, key, value), k.vocab(), k.length()), m, t, e.probe());
            case "task.vocab" -> exp(e, new TaskSpec(k.kind(), n, k.length()), m, t, e.probe());
            case "task.length" -> exp(e, new TaskSpec(k.kind(), k.vocab(), n), m, t, e.probe());
            case "model.arch" -> exp(e, k, new ModelSpec(Choice.parse(Arch.class, key, value), m.encoderLayers(), m.decoderLayers(), m.dModel(), m.heads(), m.ffn(), m.dropout(), m.norm(), m.init(), m.positions()), t, e.probe());
            case "model.encoderLayers" -> exp(e, k, new ModelSpec(m.arch(), n, m.decoderLayers(), m.dModel(), m.heads(), m.ffn(), m.dropout(), m.norm(), m.init(), m.positions()), t, e.probe());
            case "model.decoderLayers" -> exp(e, k, new ModelSpec(m.arch(), m.encoderLayers(), n, m.dModel(), m.heads(), m.ffn(), m.dropout(), m.norm(), m.init(), m.positions()), t, e.probe());
            case "model.dModel" -> exp(e, k, new ModelSpec(m.arch(), m.encoderLayers(), m.decoderLayers(), n, m.heads(), m.ffn(), m.dropout(), m.norm(), m.init(), m.positions()), t, e.probe());
            case "model.heads" -> exp(e, k, new ModelSpec(m.arch(), m.encoderLayers(), m.decoderLayers(), m.dModel(), n, m.ffn(), m.dropout(), m.norm(), m.init(), m.positions()), t, e.probe());
            case "model.ffn" -> exp(e, k, new ModelSpec(m.arch(), m.encoderLayers(), m.decoderLayers(), m.dModel(), m.heads(), n, m.dropout(), m.norm(), m.init(), m.positions()), t, e.probe());
            case "model.dropout" -> exp(e, k, new ModelSpec(m.arch(), m.encoderLayers(), m.decoderLayers(), m.dModel(), m.heads(), m.ffn(), num, m.norm(), m.init(), m.positions()), t, e.probe());
            case "model.norm" -> exp(e, k, new ModelSpec(m.arch(), m.encoderLayers(), m.decoderLayers(), m.dModel(), m.heads(), m.ffn(), m.dropout(), Choice.parse(Norm.class, key, value), m.init(), m.positions()), t, e.probe());
            case "model.init" -> exp(e, k, new ModelSpec(m.arch(), m.encoderLayers(), m.decoderLayers(), m.dModel(), m.heads(), m.ffn(), m.dropout(), m.norm(), Choice.parse(Init.class, key, value), m.positions()), t, e.probe());
            case "model.positions" -> exp(e, k, new ModelSpec(m.arch(), m.encoderLayers(), m.decoderLayers(), m.dModel(), m.heads(), m.ffn(), m.dropout(), m.norm(), m.init(), Choice.parse(Positions.class, key, value)), t, e.probe());
            case "train.optimizer" -> exp(e, k, m, new TrainSpec(Choice.parse(OptimizerKind.class, key, value), t.lr(), t.beta1(), t.beta2(), t.eps(), t.momentum(), t.warmup(), t.schedule(), t.steps(), t.batch(), t.labelSmoothing(), t.clip()), e.probe());
            case "train.lr" -> exp(e, k, m, new TrainSpec(t.optimizer(), num, t.beta1(), t.beta2(), t.eps(), t.momentum(), t.warmup(), t.schedule(), t.steps(), t.batch(), t.labelSmoothing(), t.clip()), e.probe());
            case "train.beta1" -> exp(e, k, m, new TrainSpec(t.optimizer(), t.lr(), num, t.beta2(), t.eps(), t.momentum(), t.warmup(), t.schedule(), t.steps(), t.batch(), t.labelSmoothing(), t.clip()), e.probe());
            case "train.beta2" -> exp(e, k, m, new TrainSpec(t.optimizer(), t.lr(), t.beta1(), num, t.eps(), t.momentum(), t.warmup(), t.schedule(), t.steps(), t.batch(), t.labelSmoothing(), t.clip()), e.probe());
            case "train.warmup" -> exp(e, k, m, new TrainSpec(t.optimizer(), t.lr(), t.beta1(), t.beta2(), t.eps(), t.momentum(), n, t.schedule(), t.steps(), t.batch(), t.labelSmoothing(), t.clip()), e.probe());
            case "train.schedule" -> exp(e, k, m, new TrainSpec(t.optimizer(), t.lr(), t.beta1(), t.beta2(), t.eps(), t.momentum(), t.warmup(), Choice.parse(Schedule.class, key, value), t.steps(), t.batch(), t.labelSmoothing(), t.clip()), e.probe());
            case "train.steps" -> exp(e, k, m, new TrainSpec(t.optimizer(), t.lr(), t.beta1(), t.beta2(), t.eps(), t.momentum(), t.warmup(), t.schedule(), n, t.batch(), t.labelSmoothing(), t.clip()), e.probe());
            case "train.batch" -> exp(e, k, m, new TrainSpec(t.optimizer(), t.lr(), t.beta1(), t.beta2(), t.eps(), t.momentum(), t.warmup(), t.schedule(), t.steps(), n, t.labelSmoothing(), t.clip()), e.probe());
            case "train.labelSmoothing" -> exp(e, k, m, new TrainSpec(t.optimizer(), t.lr(), t.beta1(), t.beta2(), t.eps(), t.momentum(), t.warmup(), t.schedule(), t.steps(), t.batch(), num, t.clip()), e.probe());
            case "train.clip" -> exp(e, k, m, new TrainSpec(t.optimizer(), t.lr(), t.beta1(), t.beta2(), t.eps(), t.momentum(), t.warmup(), t.schedule(), t.steps(), t.batch(), t.labelSmoothing(), num), e.probe());
            case "probe.every" -> exp(e, k, m, t, new ProbeSpec(n, e.probe().eps()));
            default -> throw new BadInputException(key, "unknown key");
        };
        validate(r);
        return r;
    }

    private static Experiment exp(Experiment e, TaskSpec k, ModelSpec m, TrainSpec t, ProbeSpec p) {
        return new Experiment(e.schema(), e.name(), e.description(), e.lesson(), e.seed(), k, m, t, p);
    }

    public static void validate(Experiment e) {
        if (e.model().dModel() % e.model().heads() != 0) {
            throw new BadInputException("model.heads", e.model().heads() + " does not divide d_model " + e.model().dModel());
        }
        if (e.model().init() == Init.ADMIN && e.model().norm() != Norm.POST) {
            throw new BadInputException("model.init", "admin needs model.norm post");
        }
    }
}
