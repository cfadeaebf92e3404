package org.stabilitylab.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresetsTest {

    @Test
    void defaultsSurviveAJsonRoundTrip() {
        Experiment e = Presets.defaults();
        Presets.validate(e);
        assertEquals(e, Presets.parse(Presets.toJson(e), "test"));
    }

    @Test
    void everyShippedPresetIsValidNamedAfterItsFileAndSurvivesARoundTrip() {
        List<Experiment> shipped = Presets.shipped();
        assertTrue(shipped.size() >= 4, "expected the four initial presets");
        for (Experiment e : shipped) {
            assertEquals(e, Presets.parse(Presets.toJson(e), e.name()), e.name());
            assertEquals(e, Presets.load(e.name()), e.name());
            assertFalse(e.description().isBlank(), e.name());
            assertFalse(e.lesson().isBlank(), e.name());
        }
    }

    @Test
    void shippedPresetsComeSortedByFileName() {
        List<String> names = Presets.shipped().stream().map(Experiment::name).toList();
        assertEquals(names.stream().sorted().toList(), names);
        assertTrue(names.containsAll(List.of("admin-6", "post-ln-6", "post-ln-deep", "pre-ln-6")));
    }

    @Test
    void missingKeysTakeTheDefaults() {
        Experiment e = Presets.parse("{\"model\": {\"norm\": \"pre\"}}", "test");
        Experiment expected = Presets.with(Presets.defaults(), "model.norm", "pre");
        assertEquals(expected, e);
    }

    @Test
    void jsonIsNestedAndWritesChoicesAsIds() {
        String json = Presets.toJson(Presets.defaults());
        assertTrue(json.contains("\"arch\": \"encoder-decoder\""), json);
        assertTrue(json.contains("\"schedule\": \"inverse-sqrt\""), json);
        assertTrue(json.contains("\"lr\": 0.001"), json);
        assertTrue(json.indexOf("\"schema\"") < json.indexOf("\"task\""), json);
    }

    @Test
    void everyKeyReadsBackWhatItWrites() {
        Experiment e = Presets.load("admin-6");
        for (String key : Presets.keys()) {
            assertEquals(e, Presets.with(e, key, Presets.get(e, key)), key);
        }
    }

    @Test
    void setChangesOneKeyAndOnlyThatKey() {
        Experiment e = Presets.with(Presets.defaults(), "train.lr", "5e-4");
        assertEquals(5e-4, e.train().lr());
        assertEquals(Presets.defaults().model(), e.model());
        assertEquals(Norm.PRE, Presets.with(e, "model.norm", "pre").model().norm());
        assertEquals(42L, Presets.with(e, "seed", "42").seed());
    }

    @Test
    void setLeavesCrossKeyRulesToValidate() {
        Experiment halfway = Presets.with(Presets.defaults(), "model.dModel", "48");
        Experiment e = Presets.with(Presets.with(halfway, "model.heads", "3"), "model.dModel", "48");
        Presets.validate(e);
        Experiment bad = Presets.with(Presets.defaults(), "model.heads", "3");
        BadInputException x = assertThrows(BadInputException.class, () -> Presets.validate(bad));
        assertEquals("model.heads", x.field());
    }

    @Test
    void keysCoverEveryContractKeyInDisplayOrder() {
        List<String> keys = Presets.keys();
        for (String key : List.of("seed", "task.kind", "task.vocab", "task.length", "model.arch",
                "model.encoderLayers", "model.decoderLayers", "model.dModel", "model.heads", "model.ffn",
                "model.dropout", "model.norm", "model.init", "train.optimizer", "train.lr", "train.beta1",
                "train.beta2", "train.warmup", "train.schedule", "train.steps", "train.batch",
                "train.labelSmoothing", "train.clip", "probe.every")) {
            assertTrue(keys.contains(key), key);
        }
        assertEquals("name", keys.get(0));
        assertTrue(keys.indexOf("task.kind") < keys.indexOf("model.arch"));
    }

    @Test
    void infoDescribesEachKindOfKey() {
        KeyInfo norm = Presets.info("model.norm");
        assertEquals("choice", norm.kind());
        assertEquals(List.of("post", "pre", "none"), norm.choices());
        assertTrue(norm.help().startsWith("Where the layer norm sits"), norm.help());
        KeyInfo dModel = Presets.info("model.dModel");
        assertEquals("int", dModel.kind());
        assertEquals(8, dModel.min());
        assertEquals(1024, dModel.max());
        assertEquals("double", Presets.info("train.lr").kind());
        assertEquals("text", Presets.info("name").kind());
        for (String key : Presets.keys()) {
            String help = Presets.info(key).help();
            assertTrue(help.endsWith(".") && !help.isBlank(), key + ": " + help);
        }
    }

    @Test
    void loadReadsAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.json");
        Files.writeString(file, "{\"schema\": 1, \"name\": \"mine\", \"train\": {\"steps\": 7}}");
        Experiment e = Presets.load(file.toString());
        assertEquals("mine", e.name());
        assertEquals(7, e.train().steps());
    }

    @Test
    void unknownPresetNameListsTheShippedOnes() {
        BadInputException e = assertThrows(BadInputException.class, () -> Presets.load("post-ln-7"));
        assertTrue(e.getMessage().contains("post-ln-6") && e.getMessage().contains("admin-6"), e.getMessage());
    }

    @Test
    void malformedJsonNamesTheSourceAndLine() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> Presets.parse("{\n  \"name\": \"x\",\n  \"seed\": 1,,\n}", "bad.json"));
        assertEquals("bad.json", e.field());
        assertTrue(e.getMessage().startsWith("bad.json: malformed JSON at line 3"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
