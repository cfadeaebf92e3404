package org.stabilitylab.engine.config;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Translates between preset JSON and a {@link Draft}, walking the key registry in both directions. */
final class PresetJson {
    static final List<String> SECTIONS = List.of("task", "model", "train", "probe");
    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final Pattern WHERE = Pattern.compile("at line (\\d+) column (\\d+)");

    private PresetJson() {
    }

    /** Parses strict JSON, or fails naming {@code source} and the line of the first syntax error. */
    static JsonObject parseObject(String json, String source) {
        if (json.isBlank()) {
            throw new BadInputException(source, "empty; expected a JSON object { ... }");
        }
        JsonElement root;
        try (JsonReader reader = new JsonReader(new StringReader(json))) {
            reader.setStrictness(Strictness.STRICT);
            root = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new BadInputException(source, "malformed JSON: unexpected text after the closing brace");
            }
        } catch (JsonParseException | IOException e) {
            throw new BadInputException(source, "malformed JSON" + where(e) + reason(e));
        }
        if (!root.isJsonObject()) {
            throw new BadInputException(source, "expected a JSON object { ... }, got " + root);
        }
        return root.getAsJsonObject();
    }

    /** Applies every key present in {@code root} to {@code d}; unknown keys and bad values are rejected. */
    static void read(JsonObject root, Draft d) {
        readSchema(root, d);
        for (Map.Entry<String, JsonElement> entry : root.entrySet()) {
            String name = entry.getKey();
            if (name.equals("schema")) {
                continue;
            }
            if (SECTIONS.contains(name)) {
                readSection(name, entry.getValue(), d);
            } else if (name.equals(SweepJson.FIELD)) {
                d.sweep = SweepJson.read(entry.getValue());
            } else {
                PresetKey key = PresetKeys.BY_NAME.get(name);
                if (key == null || !key.section().isEmpty()) {
                    throw new BadInputException(name, "unknown key; top-level keys are schema, "
                            + fieldNames("") + ", " + String.join(", ", SECTIONS) + ", " + SweepJson.FIELD);
                }
                key.set(d, entry.getValue());
            }
        }
    }

    static String write(Draft d) {
        JsonObject root = new JsonObject();
        root.addProperty("schema", d.schema);
        for (PresetKey key : PresetKeys.inSection("")) {
            root.add(key.field(), key.toJson(d));
        }
        for (String section : SECTIONS) {
            JsonObject object = new JsonObject();
            for (PresetKey key : PresetKeys.inSection(section)) {
                object.add(key.field(), key.toJson(d));
            }
            root.add(section, object);
        }
        if (!d.sweep.isEmpty()) {
            root.add(SweepJson.FIELD, SweepJson.write(d.sweep));
        }
        return PRETTY.toJson(root);
    }

    private static void readSchema(JsonObject root, Draft d) {
        JsonElement schema = root.get("schema");
        if (schema == null) {
            return; // hand-written presets may omit it; they mean this build's schema
        }
        if (!schema.isJsonPrimitive() || !schema.getAsJsonPrimitive().isNumber()
                || !schema.getAsString().matches("[0-9]+")) {
            throw new BadInputException("schema", "must be " + Experiment.SCHEMA + ", got " + schema);
        }
        long version = Long.parseLong(schema.getAsString());
        if (version > Experiment.SCHEMA) {
            throw new BadInputException("schema", version + " is newer than this build reads (" + Experiment.SCHEMA
                    + "); update Stability Lab to open it");
        }
        if (version != Experiment.SCHEMA) {
            throw new BadInputException("schema", "must be " + Experiment.SCHEMA + ", got " + version);
        }
        d.schema = Experiment.SCHEMA;
    }

    private static void readSection(String section, JsonElement value, Draft d) {
        if (!value.isJsonObject()) {
            throw new BadInputException(section, "expected an object { ... } with keys " + fieldNames(section));
        }
        for (Map.Entry<String, JsonElement> entry : value.getAsJsonObject().entrySet()) {
            String dotted = section + "." + entry.getKey();
            PresetKey key = PresetKeys.BY_NAME.get(dotted);
            if (key == null) {
                throw new BadInputException(dotted, "unknown key; " + section + " has " + fieldNames(section));
            }
            key.set(d, entry.getValue());
        }
    }

    private static String fieldNames(String section) {
        return PresetKeys.inSection(section).stream().map(PresetKey::field).collect(Collectors.joining(", "));
    }

    private static String where(Exception e) {
        Matcher m = WHERE.matcher(String.valueOf(e.getMessage()));
        return m.find() ? " at line " + m.group(1) + ", column " + m.group(2) : "";
    }

    /** Gson's own wording, without its location, JSON path and troubleshooting link. */
    private static String reason(Exception e) {
        Throwable cause = e.getCause() != null && e.getMessage() != null && e.getMessage().startsWith(
                e.getCause().getClass().getName()) ? e.getCause() : e;
        String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
        int at = message.indexOf(" at line ");
        if (at >= 0) {
            message = message.substring(0, at);
        }
        message = message.strip();
        if (message.contains("LENIENT")) {
            return ": not strict JSON (comments, single quotes, bare words and text after the object are not allowed)";
        }
        if (message.equals("Expected name")) {
            return ": expected a quoted key (a trailing comma?)";
        }
        if (message.equals("End of input")) {
            return ": the text ends early (a missing '}', ']' or '\"'?)";
        }
        return message.isEmpty() || message.equals("null") ? "" : ": " + message;
    }
}
