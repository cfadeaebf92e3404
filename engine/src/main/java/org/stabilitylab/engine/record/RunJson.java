package org.stabilitylab.engine.record;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;
import org.stabilitylab.engine.run.RunInfo;
import org.stabilitylab.engine.run.RunStatus;
import org.stabilitylab.engine.run.RunSummary;
import org.stabilitylab.engine.run.SublayerInfo;

/** run.json in both directions; non-finite numbers are written as null and read back as NaN. */
final class RunJson {
    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
            .create();

    private RunJson() {
    }

    /** {@code info} is null only when a run failed before it could start; then run.json holds the summary. */
    static String write(RunInfo info, Map<String, String> versions, RunSummary summary) {
        if (info == null) {
            info = new RunInfo(null, "", "", 0, List.of(), Map.of());
        }
        JsonObject root = new JsonObject();
        Experiment e = info.experiment();
        root.add("experiment", e == null ? JsonNull.INSTANCE : JsonParser.parseString(Presets.toJson(e)));
        root.add("seed", e == null ? JsonNull.INSTANCE : new JsonPrimitive(e.seed()));
        JsonObject v = new JsonObject();
        versions.forEach(v::addProperty);
        root.add("versions", v);
        root.addProperty("parameters", info.parameters());
        JsonArray sublayers = new JsonArray();
        for (SublayerInfo s : info.sublayers()) {
            JsonObject o = new JsonObject();
            o.addProperty("stack", s.stack());
            o.addProperty("sublayer", s.sublayer());
            o.addProperty("kind", s.kind());
            sublayers.add(o);
        }
        root.add("sublayers", sublayers);
        root.add("omega", omega(info.omega()));
        root.add("summary", summary == null ? JsonNull.INSTANCE : summary(summary));
        return PRETTY.toJson(root) + "\n";
    }

    static RunInfo info(JsonObject root, Experiment experiment, Map<String, String> versions) {
        List<SublayerInfo> sublayers = new ArrayList<>();
        JsonElement list = root.get("sublayers");
        if (list != null && list.isJsonArray()) {
            for (JsonElement s : list.getAsJsonArray()) {
                JsonObject o = s.getAsJsonObject();
                sublayers.add(new SublayerInfo(o.get("stack").getAsString(), o.get("sublayer").getAsInt(),
                        o.get("kind").getAsString()));
            }
        }
        long parameters = root.has("parameters") ? root.get("parameters").getAsLong() : 0;
        return new RunInfo(experiment, versions.getOrDefault("nd4jBackend", ""), versions.getOrDefault("device", ""),
                parameters, sublayers, omega(root.get("omega")));
    }

    static Map<String, String> versions(JsonObject root) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonElement v = root.get("versions");
        if (v != null && v.isJsonObject()) {
            v.getAsJsonObject().entrySet().forEach(en -> out.put(en.getKey(),
                    en.getValue().isJsonNull() ? "" : en.getValue().getAsString()));
        }
        return out;
    }

    /** The summary, or null when run.json has none (the run did not finish). */
    static RunSummary summary(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return null;
        }
        JsonObject s = element.getAsJsonObject();
        JsonElement at = s.get("divergedAtStep");
        return new RunSummary(RunStatus.valueOf(s.get("status").getAsString()),
                number(s, "finalLoss"), number(s, "bestLoss"), number(s, "finalValLoss"), number(s, "finalAccuracy"),
                s.get("diverged").getAsBoolean(), at == null || at.isJsonNull() ? null : at.getAsInt(),
                s.get("steps").getAsInt(), number(s, "wallSeconds"), number(s, "msPerStep"),
                s.has("reason") && !s.get("reason").isJsonNull() ? s.get("reason").getAsString() : "",
                omega(s.get("omega")));
    }

    private static JsonObject summary(RunSummary s) {
        JsonObject o = new JsonObject();
        o.add("finalLoss", number(s.finalLoss()));
        o.add("bestLoss", number(s.bestLoss()));
        o.add("finalValLoss", number(s.finalValLoss()));
        o.add("finalAccuracy", number(s.finalAccuracy()));
        o.addProperty("diverged", s.diverged());
        o.add("divergedAtStep", s.divergedAtStep() == null ? JsonNull.INSTANCE : new JsonPrimitive(s.divergedAtStep()));
        o.addProperty("steps", s.steps());
        o.add("wallSeconds", number(s.wallSeconds()));
        o.add("msPerStep", number(s.msPerStep()));
        o.addProperty("status", s.status().name());
        o.addProperty("reason", s.reason() == null ? "" : s.reason());
        o.add("omega", omega(s.omega()));
        return o;
    }

    private static JsonObject omega(Map<String, double[]> omega) {
        JsonObject o = new JsonObject();
        for (Map.Entry<String, double[]> en : new TreeMap<>(omega).entrySet()) {
            JsonArray values = new JsonArray();
            for (double w : en.getValue()) {
                values.add(number(w));
            }
            o.add(en.getKey(), values);
        }
        return o;
    }

    private static Map<String, double[]> omega(JsonElement element) {
        Map<String, double[]> out = new LinkedHashMap<>();
        if (element == null || !element.isJsonObject()) {
            return out;
        }
        for (Map.Entry<String, JsonElement> en : element.getAsJsonObject().entrySet()) {
            JsonArray values = en.getValue().getAsJsonArray();
            double[] w = new double[values.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = values.get(i).isJsonNull() ? Double.NaN : values.get(i).getAsDouble();
            }
            out.put(en.getKey(), w);
        }
        return out;
    }

    private static JsonElement number(double v) {
        return Double.isFinite(v) ? new JsonPrimitive(v) : JsonNull.INSTANCE;
    }

    private static double number(JsonObject o, String key) {
        JsonElement v = o.get(key);
        return v == null || v.isJsonNull() ? Double.NaN : v.getAsDouble();
    }
}
