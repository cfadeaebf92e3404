package org.stabilitylab.engine.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The optional {@code sweep} block of a preset, {@code {"grid": {"train.lr": [0.001, 0.002]}, "seeds": 2}},
 * in both directions. Every value goes through its key's own parser, so a grid value is checked exactly
 * like a {@code --set} and stored in the key's canonical text form (what makes a JSON round trip exact).
 */
final class SweepJson {
    static final String FIELD = "sweep";
    private static final int MAX_SEEDS = 1000;

    private SweepJson() {
    }

    static Sweep read(JsonElement json) {
        if (!json.isJsonObject()) {
            throw new BadInputException(FIELD, "expected an object {\"grid\": {\"key\": [values]}, \"seeds\": K}");
        }
        JsonObject o = json.getAsJsonObject();
        for (String name : o.keySet()) {
            if (!name.equals("grid") && !name.equals("seeds")) {
                throw new BadInputException(FIELD + "." + name, "unknown key; sweep has grid, seeds");
            }
        }
        int seeds = 1;
        JsonElement s = o.get("seeds");
        if (s != null) {
            if (!s.isJsonPrimitive() || !s.getAsJsonPrimitive().isNumber() || !s.getAsString().matches("[0-9]+")
                    || Long.parseLong(s.getAsString()) < 1 || Long.parseLong(s.getAsString()) > MAX_SEEDS) {
                throw new BadInputException(FIELD + ".seeds", s + " is not a whole number in 1.." + MAX_SEEDS);
            }
            seeds = Integer.parseInt(s.getAsString());
        }
        JsonElement g = o.get("grid");
        if (g == null || !g.isJsonObject() || g.getAsJsonObject().isEmpty()) {
            throw new BadInputException(FIELD + ".grid", "missing or empty; give {\"key\": [v1, v2, ...]}, e.g."
                    + " {\"train.lr\": [0.001, 0.002]}");
        }
        Map<String, List<String>> grid = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> axis : g.getAsJsonObject().entrySet()) {
            String field = FIELD + ".grid." + axis.getKey();
            PresetKey key;
            try {
                key = PresetKeys.require(axis.getKey());
            } catch (BadInputException e) {
                throw new BadInputException(field, e.getMessage().substring(e.field().length() + 2));
            }
            if (!axis.getValue().isJsonArray() || axis.getValue().getAsJsonArray().isEmpty()) {
                throw new BadInputException(field, "expected a non-empty list of values, e.g. [0.001, 0.002]");
            }
            List<String> values = new ArrayList<>();
            for (JsonElement v : axis.getValue().getAsJsonArray()) {
                values.add(canonical(key, field, v));
            }
            grid.put(axis.getKey(), values);
        }
        return new Sweep(grid, seeds);
    }

    static JsonObject write(Sweep sweep) {
        JsonObject grid = new JsonObject();
        sweep.grid().forEach((name, values) -> {
            PresetKey key = PresetKeys.require(name);
            Draft scratch = Draft.of(Presets.defaults());
            JsonArray list = new JsonArray();
            for (String v : values) {
                key.set(scratch, v);
                list.add(key.toJson(scratch));
            }
            grid.add(name, list);
        });
        JsonObject o = new JsonObject();
        o.add("grid", grid);
        o.addProperty("seeds", sweep.seeds());
        return o;
    }

    /** Checks a sweep built outside JSON (e.g. by code) the same way reading does. */
    static void check(Sweep sweep) {
        if (sweep.seeds() < 1 || sweep.seeds() > MAX_SEEDS) {
            throw new BadInputException(FIELD + ".seeds", sweep.seeds() + " is not a whole number in 1.." + MAX_SEEDS);
        }
        sweep.grid().forEach((name, values) -> {
            String field = FIELD + ".grid." + name;
            PresetKey key = PresetKeys.BY_NAME.get(name);
            if (key == null) {
                throw new BadInputException(field, "not a settable key");
            }
            if (values.isEmpty()) {
                throw new BadInputException(field, "expected a non-empty list of values");
            }
            Draft scratch = Draft.of(Presets.defaults());
            for (String v : values) {
                try {
                    key.set(scratch, v);
                    key.check(scratch);
                } catch (BadInputException e) {
                    throw new BadInputException(field, e.getMessage().substring(e.field().length() + 2));
                }
            }
        });
    }

    private static String canonical(PresetKey key, String field, JsonElement value) {
        Draft scratch = Draft.of(Presets.defaults());
        try {
            key.set(scratch, value);
            key.check(scratch);
        } catch (BadInputException e) {
            throw new BadInputException(field, e.getMessage().substring(e.field().length() + 2));
        }
        return key.get(scratch);
    }
}
