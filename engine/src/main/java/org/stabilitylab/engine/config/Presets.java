package org.stabilitylab.engine.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that turns preset JSON, shipped preset names and {@code --set key=value} into a
 * validated {@link Experiment}, and back. Every check lives in the key registry, so a file, the
 * command line and a UI form all report a bad value with the same message.
 */
public final class Presets {
    private Presets() {
    }

    /** A small 3+3 layer Post-LN model on the toy translation task; missing preset keys take these values. */
    public static Experiment defaults() {
        return new Experiment(Experiment.SCHEMA, "default",
                "A 3+3 layer Post-LN Transformer on the toy translation task.", "", 1,
                new TaskSpec(TaskKind.TRANSLATE, 16, 10),
                new ModelSpec(Arch.ENCODER_DECODER, 3, 3, 64, 4, 256, 0.1, Norm.POST, Init.DEFAULT,
                        Positions.SINUSOIDAL),
                new TrainSpec(OptimizerKind.ADAM, 1e-3, 0.9, 0.98, 1e-8, 0.9, 100, Schedule.INVERSE_SQRT, 1000, 32,
                        0.1, 0),
                new ProbeSpec(10, 1e-4), Sweep.NONE);
    }

    /**
     * Reads a preset; keys it leaves out take {@link #defaults()}. Errors name the dotted key (or,
     * for broken JSON, {@code source} and the line) and what is allowed, and say which source they came from.
     */
    public static Experiment parse(String json, String source) {
        Draft d = Draft.of(defaults());
        try {
            PresetJson.read(PresetJson.parseObject(json, source), d);
            return checked(d);
        } catch (BadInputException e) {
            if (e.field().equals(source)) {
                throw e;
            }
            throw new BadInputException(e.field(), message(e) + " (in " + source + ")");
        }
    }

    /** Loads a preset from a .json file, or a shipped preset by name. */
    public static Experiment load(String fileOrName) {
        Path file;
        try {
            file = Path.of(fileOrName);
        } catch (InvalidPathException e) {
            throw new BadInputException(fileOrName, "not a valid file name or preset name");
        }
        if (Files.isRegularFile(file)) {
            try {
                return parse(Files.readString(file, StandardCharsets.UTF_8), fileOrName);
            } catch (IOException e) {
                throw new BadInputException(fileOrName, "cannot read: " + e.getMessage());
            }
        }
        if (fileOrName.endsWith(".json") || fileOrName.contains("/") || fileOrName.contains("\\")) {
            throw new BadInputException(fileOrName, "no such file");
        }
        String text = ShippedPresets.text(fileOrName);
        if (text == null) {
            throw new BadInputException("preset", "'" + fileOrName + "' is neither a .json file nor a shipped"
                    + " preset; shipped: " + String.join(", ", ShippedPresets.names()));
        }
        return parse(text, "preset " + fileOrName);
    }

    /** Pretty JSON nested as task / model / train / probe, choices written as their ids. */
    public static String toJson(Experiment e) {
        return PresetJson.write(Draft.of(e));
    }

    /**
     * Returns {@code e} with one dotted key set from text, checked against that key's type and
     * range. Rules between keys (heads divide dModel, ...) are left to {@link #validate}, so that
     * a sequence of --set or form edits may pass through combinations that are only valid together.
     */
    public static Experiment with(Experiment e, String key, String value) {
        PresetKey k = PresetKeys.require(key);
        Draft d = Draft.of(e);
        k.set(d, value);
        return d.build();
    }

    /** The value of a dotted key, in the text form {@link #with} accepts. */
    public static String get(Experiment e, String key) {
        return PresetKeys.require(key).get(Draft.of(e));
    }

    /** Every settable key in display order. */
    public static List<String> keys() {
        return List.copyOf(PresetKeys.BY_NAME.keySet());
    }

    public static KeyInfo info(String key) {
        return PresetKeys.require(key).info();
    }

    /** Checks every key's own range and the rules between keys; throws naming the first bad key. */
    public static void validate(Experiment e) {
        checked(Draft.of(e));
    }

    /** All shipped presets, sorted by file name. */
    public static List<Experiment> shipped() {
        List<Experiment> out = new ArrayList<>();
        for (String name : ShippedPresets.names()) {
            out.add(load(name));
        }
        return out;
    }

    private static Experiment checked(Draft d) {
        if (d.schema != Experiment.SCHEMA) {
            throw new BadInputException("schema", "must be " + Experiment.SCHEMA + ", got " + d.schema);
        }
        for (PresetKey key : PresetKeys.ALL) {
            key.check(d);
        }
        CrossRules.check(d);
        SweepJson.check(d.sweep);
        return d.build();
    }

    private static String message(BadInputException e) {
        String prefix = e.field() + ": ";
        String m = e.getMessage();
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}
