package org.stabilitylab.engine.record;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stabilitylab.engine.config.BadInputException;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;
import org.stabilitylab.engine.run.LayerMetrics;
import org.stabilitylab.engine.run.RunInfo;
import org.stabilitylab.engine.run.StepMetrics;

/** Reopens a run record folder, finished or cut short, for the app and for tests. */
public final class RunRecords {
    public static final String RUN_JSON = "run.json";
    public static final String METRICS = "metrics.csv";
    public static final String LAYERS = "layers.csv";

    private RunRecords() {
    }

    /**
     * Reads {@code dir}. A last CSV line cut off by a killed run is ignored.
     *
     * @throws BadInputException when the folder is not a run record or run.json is broken
     */
    public static RunRecord read(Path dir) throws IOException {
        Path runJson = dir.resolve(RUN_JSON);
        if (!Files.isRegularFile(runJson)) {
            throw new BadInputException(dir.toString(), "not a run record (no " + RUN_JSON + ")");
        }
        JsonObject root;
        try {
            JsonElement parsed = JsonParser.parseString(Files.readString(runJson, StandardCharsets.UTF_8));
            root = parsed.getAsJsonObject();
        } catch (RuntimeException e) {
            throw new BadInputException(runJson.toString(), "malformed run record: " + e.getMessage());
        }
        JsonElement exp = root.get("experiment");
        Experiment experiment = exp == null || exp.isJsonNull() ? null : Presets.parse(exp.toString(), runJson.toString());
        Map<String, String> versions = RunJson.versions(root);
        RunInfo info = RunJson.info(root, experiment, versions);
        Map<Integer, List<LayerMetrics>> layers = readLayers(dir.resolve(LAYERS));
        List<StepMetrics> steps = readSteps(dir.resolve(METRICS), layers);
        return new RunRecord(experiment, RunJson.summary(root.get("summary")), steps, info, versions);
    }

    private static List<StepMetrics> readSteps(Path file, Map<Integer, List<LayerMetrics>> layers) throws IOException {
        List<StepMetrics> steps = new ArrayList<>();
        for (Row r : rows(file)) {
            int step = r.integer("step");
            steps.add(new StepMetrics(step, r.number("loss"), r.number("lr"), r.number("gradNorm"),
                    r.number("tokensPerSec"), r.number("msPerStep"), r.number("updateChange"), r.number("outputChange"),
                    r.number("valLoss"), r.number("valAccuracy"), layers.getOrDefault(step, List.of())));
        }
        return steps;
    }

    private static Map<Integer, List<LayerMetrics>> readLayers(Path file) throws IOException {
        Map<Integer, List<LayerMetrics>> byStep = new HashMap<>();
        for (Row r : rows(file)) {
            byStep.computeIfAbsent(r.integer("step"), s -> new ArrayList<>()).add(new LayerMetrics(r.text("stack"),
                    r.integer("sublayer"), r.text("kind"), r.number("varBranch"), r.number("varSum"),
                    r.number("betaOwn"), r.number("gradNorm")));
        }
        return byStep;
    }

    /** Data rows by column name; a malformed last line (cut off mid-write) is dropped. */
    private static List<Row> rows(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = Csv.split(lines.get(0));
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i), i);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            Row row = new Row(columns, Csv.split(lines.get(i)));
            if (row.cells.size() != header.size() || !row.parses()) {
                if (i == lines.size() - 1) {
                    break;
                }
                throw new BadInputException(file.toString(), "line " + (i + 1) + " is not a valid row");
            }
            rows.add(row);
        }
        return rows;
    }

    private record Row(Map<String, Integer> columns, List<String> cells) {
        String text(String column) {
            Integer i = columns.get(column);
            return i == null ? "" : cells.get(i);
        }

        double number(String column) {
            return Csv.number(text(column));
        }

        int integer(String column) {
            return Integer.parseInt(text(column));
        }

        boolean parses() {
            try {
                integer("step");
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
