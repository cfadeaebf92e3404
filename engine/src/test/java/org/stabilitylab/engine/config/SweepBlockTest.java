package org.stabilitylab.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The optional sweep block: read, checked like --set, written back only when present, exact round trip. */
class SweepBlockTest {
    private static final String WITH_GRID = "{\"name\": \"grid\", \"train\": {\"warmup\": 0},"
            + " \"sweep\": {\"grid\": {\"train.lr\": [1e-3, 0.002], \"model.init\": [\"default\", \"admin\"]},"
            + " \"seeds\": 3}}";

    @Test
    void aSweepBlockIsReadInKeyOrderWithCanonicalValues() {
        Experiment e = Presets.parse(WITH_GRID, "test");
        assertEquals(3, e.sweep().seeds());
        assertEquals(List.of("train.lr", "model.init"), List.copyOf(e.sweep().grid().keySet()));
        assertEquals(List.of("0.001", "0.002"), e.sweep().grid().get("train.lr"));
        assertEquals(4, e.sweep().combinations().size());
        assertEquals(Map.of("train.lr", "0.001", "model.init", "default"), e.sweep().combinations().get(0));
    }

    @Test
    void aSweepBlockSurvivesAJsonRoundTripAndPresetsWithoutOneAreUnchanged() {
        Experiment e = Presets.parse(WITH_GRID, "test");
        assertEquals(e, Presets.parse(Presets.toJson(e), "again"));
        assertTrue(Presets.toJson(e).contains("\"sweep\""));
        assertFalse(Presets.toJson(Presets.defaults()).contains("sweep"));
        assertEquals(Sweep.NONE, Presets.defaults().sweep());
        assertEquals(Sweep.NONE, e.withoutSweep().sweep());
        assertEquals(e.train(), e.withoutSweep().train());
        assertEquals(e, Presets.with(e, "train.steps", Integer.toString(e.train().steps())), "--set keeps the sweep");
    }

    @Test
    void theWarmupPresetCarriesItsGrid() {
        Experiment e = Presets.load("paper-4-warmup");
        assertEquals(List.of("train.lr", "train.beta2", "model.init"), List.copyOf(e.sweep().grid().keySet()));
        assertEquals(0, e.train().warmup());
    }

    @Test
    void badSweepBlocksNameTheKeyAndWhatIsAllowed() {
        BadInputException unknown = assertThrows(BadInputException.class, () -> Presets.parse(
                "{\"sweep\": {\"grid\": {\"train.lrr\": [0.001]}}}", "s.json"));
        assertEquals("sweep.grid.train.lrr", unknown.field());
        BadInputException value = assertThrows(BadInputException.class, () -> Presets.parse(
                "{\"sweep\": {\"grid\": {\"model.norm\": [\"post\", \"pst\"]}}}", "s.json"));
        assertEquals("sweep.grid.model.norm", value.field());
        assertTrue(value.getMessage().contains("pst"), value.getMessage());
        BadInputException empty = assertThrows(BadInputException.class, () -> Presets.parse(
                "{\"sweep\": {\"grid\": {}}}", "s.json"));
        assertEquals("sweep.grid", empty.field());
        BadInputException seeds = assertThrows(BadInputException.class, () -> Presets.parse(
                "{\"sweep\": {\"grid\": {\"seed\": [1]}, \"seeds\": 0}}", "s.json"));
        assertEquals("sweep.seeds", seeds.field());
        BadInputException extra = assertThrows(BadInputException.class, () -> Presets.parse(
                "{\"sweep\": {\"grid\": {\"seed\": [1]}, \"runs\": 2}}", "s.json"));
        assertEquals("sweep.runs", extra.field());
    }
}
