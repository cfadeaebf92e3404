package org.stabilitylab.engine.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

/**
 * One entry of the preset key registry: how a dotted key is read from text or JSON, checked,
 * written back and described. Every way into an {@link Experiment} goes through these checks,
 * so a bad value gets the same message from a file, a {@code --set} or a UI form.
 */
abstract class PresetKey {
    private static final Pattern NUMBER = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");

    final String key;
    final String help;

    PresetKey(String key, String help) {
        this.key = key;
        this.help = help;
    }

    /** The last segment of the dotted key: its name inside its JSON section. */
    String field() {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    /** The JSON section ("task", "model", ...) or "" for a top-level key. */
    String section() {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? "" : key.substring(0, dot);
    }

    abstract KeyInfo info();

    /** Parses {@code text} as a --set value, checks it, and stores it in {@code d}. */
    abstract void set(Draft d, String text);

    /** Stores a JSON value, rejecting the wrong JSON type before the usual checks. */
    abstract void set(Draft d, JsonElement json);

    abstract String get(Draft d);

    abstract JsonElement toJson(Draft d);

    /** Re-checks the value already in {@code d} (for experiments built outside the registry). */
    abstract void check(Draft d);

    BadInputException bad(String message) {
        return new BadInputException(key, message);
    }

    /** Shortest plain decimal that reads back as the same double: 0.001 rather than 1.0E-3. */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toString();
    }

    private static String quoted(String text) {
        return "'" + text + "'";
    }

    private static String describe(JsonElement json) {
        if (json.isJsonNull()) {
            return "null";
        }
        if (json.isJsonPrimitive()) {
            JsonPrimitive p = json.getAsJsonPrimitive();
            return p.isString() ? "the string " + p : p.toString();
        }
        return json.isJsonObject() ? "an object" : "a list";
    }

    /** An integer key with an inclusive range; the seed is the one long-valued key. */
    static final class IntKey extends PresetKey {
        private final long min;
        private final long max;
        private final ToLongFunction<Draft> getter;
        private final BiConsumer<Draft, Long> setter;

        IntKey(String key, long min, long max, String help, ToLongFunction<Draft> getter, BiConsumer<Draft, Long> setter) {
            super(key, help);
            this.min = min;
            this.max = max;
            this.getter = getter;
            this.setter = setter;
        }

        static IntKey ofInt(String key, int min, int max, String help, ToLongFunction<Draft> getter,
                            ObjIntConsumer<Draft> setter) {
            return new IntKey(key, min, max, help, getter, (d, v) -> setter.accept(d, v.intValue()));
        }

        @Override
        KeyInfo info() {
            return new KeyInfo(key, "int", List.of(), min, max, help);
        }

        @Override
        void set(Draft d, String text) {
            String t = text.strip();
            long v;
            try {
                if (!INTEGER.matcher(t).matches()) {
                    throw new NumberFormatException();
                }
                v = Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw bad(quoted(text) + " is not a whole number; allowed: " + range());
            }
            checkRange(v);
            setter.accept(d, v);
        }

        @Override
        void set(Draft d, JsonElement json) {
            if (!json.isJsonPrimitive() || !json.getAsJsonPrimitive().isNumber()) {
                throw bad("expected a whole number in " + range() + ", got " + describe(json));
            }
            set(d, json.getAsString());
        }

        @Override
        String get(Draft d) {
            return Long.toString(getter.applyAsLong(d));
        }

        @Override
        JsonElement toJson(Draft d) {
            return new JsonPrimitive(getter.applyAsLong(d));
        }

        @Override
        void check(Draft d) {
            checkRange(getter.applyAsLong(d));
        }

        private void checkRange(long v) {
            if (v < min || v > max) {
                throw bad(max == Long.MAX_VALUE ? v + " is below " + min : v + " is not in " + range());
            }
        }

        private String range() {
            return max == Long.MAX_VALUE ? ">= " + min : min + ".." + max;
        }
    }

    /** A real-valued key; either end of its range may be open, e.g. dropout in [0, 1). */
    static final class DoubleKey extends PresetKey {
        private final double min;
        private final boolean minOpen;
        private final double max;
        private final boolean maxOpen;
        private final ToDoubleFunction<Draft> getter;
        private final BiConsumer<Draft, Double> setter;

        DoubleKey(String key, double min, boolean minOpen, double max, boolean maxOpen, String help,
                  ToDoubleFunction<Draft> getter, BiConsumer<Draft, Double> setter) {
            super(key, help);
            this.min = min;
            this.minOpen = minOpen;
            this.max = max;
            this.maxOpen = maxOpen;
            this.getter = getter;
            this.setter = setter;
        }

        @Override
        KeyInfo info() {
            return new KeyInfo(key, "double", List.of(), min, max, help);
        }

        @Override
        void set(Draft d, String text) {
            String t = text.strip();
            if (!NUMBER.matcher(t).matches()) {
                throw bad(quoted(text) + " is not a number; allowed: " + range());
            }
            double v = Double.parseDouble(t);
            checkRange(v);
            setter.accept(d, v);
        }

        @Override
        void set(Draft d, JsonElement json) {
            if (!json.isJsonPrimitive() || !json.getAsJsonPrimitive().isNumber()) {
                throw bad("expected a number in " + range() + ", got " + describe(json));
            }
            set(d, json.getAsString());
        }

        @Override
        String get(Draft d) {
            return format(getter.applyAsDouble(d));
        }

        @Override
        JsonElement toJson(Draft d) {
            return new JsonPrimitive(new BigDecimal(get(d)));
        }

        @Override
        void check(Draft d) {
            checkRange(getter.applyAsDouble(d));
        }

        private void checkRange(double v) {
            boolean below = minOpen ? !(v > min) : !(v >= min);
            boolean above = maxOpen ? !(v < max) : !(v <= max);
            if (below || above) {
                throw bad(format(v) + " is not in " + range());
            }
        }

        private String range() {
            String upper = Double.isInfinite(max) ? "inf" : format(max);
            return (minOpen ? "(" : "[") + format(min) + ", " + upper + (maxOpen || Double.isInfinite(max) ? ")" : "]");
        }
    }

    /** A key whose value is one of an enum's ids. */
    static final class ChoiceKey<E extends Enum<E> & Choice> extends PresetKey {
        private final Class<E> type;
        private final Function<Draft, E> getter;
        private final BiConsumer<Draft, E> setter;

        ChoiceKey(String key, Class<E> type, String help, Function<Draft, E> getter, BiConsumer<Draft, E> setter) {
            super(key, help);
            this.type = type;
            this.getter = getter;
            this.setter = setter;
        }

        @Override
        KeyInfo info() {
            List<String> ids = Arrays.stream(type.getEnumConstants()).map(Choice::id).toList();
            return new KeyInfo(key, "choice", ids, Double.NaN, Double.NaN, help);
        }

        @Override
        void set(Draft d, String text) {
            setter.accept(d, Choice.parse(type, key, text.strip()));
        }

        @Override
        void set(Draft d, JsonElement json) {
            if (!json.isJsonPrimitive() || !json.getAsJsonPrimitive().isString()) {
                throw bad("expected one of " + Choice.ids(type) + ", got " + describe(json));
            }
            set(d, json.getAsString());
        }

        @Override
        String get(Draft d) {
            return getter.apply(d).id();
        }

        @Override
        JsonElement toJson(Draft d) {
            return new JsonPrimitive(get(d));
        }

        @Override
        void check(Draft d) {
            if (getter.apply(d) == null) {
                throw bad("missing; allowed: " + Choice.ids(type));
            }
        }
    }

    /** A free-text key with a length limit and, for names, an allowed character set. */
    static final class TextKey extends PresetKey {
        private final int minLength;
        private final int maxLength;
        private final Pattern pattern;
        private final String patternHelp;
        private final Function<Draft, String> getter;
        private final BiConsumer<Draft, String> setter;

        TextKey(String key, int minLength, int maxLength, Pattern pattern, String patternHelp, String help,
                Function<Draft, String> getter, BiConsumer<Draft, String> setter) {
            super(key, help);
            this.minLength = minLength;
            this.maxLength = maxLength;
            this.pattern = pattern;
            this.patternHelp = patternHelp;
            this.getter = getter;
            this.setter = setter;
        }

        @Override
        KeyInfo info() {
            return new KeyInfo(key, "text", List.of(), minLength, maxLength, help);
        }

        @Override
        void set(Draft d, String text) {
            checkText(text);
            setter.accept(d, text);
        }

        @Override
        void set(Draft d, JsonElement json) {
            if (!json.isJsonPrimitive() || !json.getAsJsonPrimitive().isString()) {
                throw bad("expected a string, got " + describe(json));
            }
            set(d, json.getAsString());
        }

        @Override
        String get(Draft d) {
            return getter.apply(d);
        }

        @Override
        JsonElement toJson(Draft d) {
            return new JsonPrimitive(get(d));
        }

        @Override
        void check(Draft d) {
            String text = getter.apply(d);
            if (text == null) {
                throw bad("missing");
            }
            checkText(text);
        }

        private void checkText(String text) {
            if (text.length() < minLength || text.length() > maxLength) {
                throw bad("length " + text.length() + " is not in " + minLength + ".." + maxLength);
            }
            if (pattern != null && !pattern.matcher(text).matches()) {
                throw bad(quoted(text) + " is not allowed; use " + patternHelp);
            }
        }
    }
}
