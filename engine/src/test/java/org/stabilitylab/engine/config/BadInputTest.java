package org.stabilitylab.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each kind of bad input fails with a message that names the key and says what is allowed. */
class BadInputTest {

    @ParameterizedTest(name = "--set {0}={1}")
    @CsvSource(delimiter = '|', value = {
            "model.norm          | pst     | model.norm: 'pst' is not one of post, pre, none",
            "model.dModel        | 4       | model.dModel: 4 is not in 8..1024",
            "model.dModel        | abc     | model.dModel: 'abc' is not a whole number; allowed: 8..1024",
            "model.dModel        | 64.5    | model.dModel: '64.5' is not a whole number",
            "model.dropout       | 1       | model.dropout: 1 is not in [0, 1)",
            "train.lr            | 0       | train.lr: 0 is not in (0, 10]",
            "train.lr            | fast    | train.lr: 'fast' is not a number",
            "train.lr            | NaN     | train.lr: 'NaN' is not a number",
            "train.beta2         | 1.5     | train.beta2: 1.5 is not in [0, 1)",
            "train.steps         | 0       | train.steps: 0 is not in 1..1000000",
            "train.batch         | 5000    | train.batch: 5000 is not in 1..4096",
            "train.labelSmoothing| -0.1    | train.labelSmoothing: -0.1 is not in [0, 1)",
            "train.clip          | -1      | train.clip: -1 is not in [0, 1000000]",
            "train.schedule      | linear2 | train.schedule: 'linear2' is not one of constant, inverse-sqrt, linear, cosine",
            "task.vocab          | 1       | task.vocab: 1 is not in 2..1000",
            "task.length         | 300     | task.length: 300 is not in 2..256",
            "task.kind           | parse   | task.kind: 'parse' is not one of copy, reverse, sort, translate",
            "model.encoderLayers | 65      | model.encoderLayers: 65 is not in 0..64",
            "probe.every         | -1      | probe.every: -1 is not in 0..1000000",
            "seed                | -3      | seed: -3 is below 0",
            "name                | a b     | name: 'a b' is not allowed",
            "model.nrom          | post    | model.nrom: not a settable key; did you mean model.norm?",
    })
    void badSetValuesNameTheKey(String key, String value, String expected) {
        BadInputException e = assertThrows(BadInputException.class,
                () -> Presets.with(Presets.defaults(), key, value));
        assertEquals(key, e.field());
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"model\": {\"norm\": \"pst\"}}          | model.norm          | 'pst' is not one of post, pre, none",
            "{\"model\": {\"nrom\": \"post\"}}         | model.nrom          | unknown key; model has arch, encoderLayers",
            "{\"colour\": 1}                           | colour              | unknown key; top-level keys are",
            "{\"model\": {\"dModel\": \"64\"}}         | model.dModel        | expected a whole number in 8..1024, got the string",
            "{\"model\": {\"norm\": 1}}                | model.norm          | expected one of post, pre, none, got 1",
            "{\"model\": 3}                            | model               | expected an object",
            "{\"train\": {\"lr\": null}}               | train.lr            | expected a number in (0, 10], got null",
            "{\"schema\": 2}                           | schema              | 2 is newer than this build reads (1)",
            "{\"schema\": 0}                           | schema              | must be 1",
            "{\"model\": {\"heads\": 5}}               | model.heads         | 5 does not divide model.dModel 64",
            "{\"model\": {\"norm\": \"pre\", \"init\": \"admin\"}} | model.init | 'admin' requires model.norm post",
            "{\"model\": {\"decoderLayers\": 0}}       | model.decoderLayers | 0 is too few",
            "{\"model\": {\"arch\": \"decoder-only\", \"decoderLayers\": 0}} | model.decoderLayers | 0 is too few",
    })
    void badPresetJsonNamesTheKey(String json, String key, String expected) {
        BadInputException e = assertThrows(BadInputException.class, () -> Presets.parse(json, "t.json"));
        assertEquals(key, e.field());
        assertTrue(e.getMessage().startsWith(key + ": " + expected), e.getMessage());
        assertTrue(e.getMessage().endsWith("(in t.json)"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"a\": 1,}",
            "{\"a\": 1",
            "[1, 2]",
            "{\"a\": 1} {\"b\": 2}",
            "// comment\n{}",
            "",
    })
    void brokenJsonNamesTheSource(String json) {
        BadInputException e = assertThrows(BadInputException.class,
                () -> Presets.parse(json == null ? "" : json, "broken.json"));
        assertEquals("broken.json", e.field());
        assertTrue(e.getMessage().lines().count() == 1, e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "model.heads         | 6    | model.heads: 6 does not divide model.dModel 64; allowed: 1, 2, 4, 8, 16, 32, 64",
            "model.decoderLayers | 0    | model.decoderLayers: 0 is too few",
    })
    void validateNamesTheKeyOfACrossRule(String key, String value, String expected) {
        Experiment e = Presets.with(Presets.defaults(), key, value);
        BadInputException x = assertThrows(BadInputException.class, () -> Presets.validate(e));
        assertEquals(key, x.field());
        assertTrue(x.getMessage().startsWith(expected), x.getMessage());
    }
}
