package org.stabilitylab.app.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stabilitylab.app.TinyPreset;

/** The form's validation, without a window: errors land at the field, bad forms give no experiment. */
class ExperimentFormModelTest {
    private final ExperimentFormModel form = new ExperimentFormModel(TinyPreset.experiment(30));

    @Test
    void loadedPresetIsValidAndUnmodified() {
        assertNotNull(form.experiment());
        assertEquals("", form.problemProperty().get());
        assertFalse(form.modifiedProperty().get());
        assertEquals("16", form.value("model.dModel").get());
    }

    @Test
    void aValueThatIsNotANumberIsReportedAtItsField() {
        form.set("train.lr", "fast");
        assertNull(form.experiment(), "no experiment while a field is bad");
        assertFalse(form.error("train.lr").get().isEmpty());
        assertTrue(form.problemProperty().get().startsWith("train.lr: "));
        assertEquals("", form.error("model.dModel").get());
        form.set("train.lr", "0.002");
        assertNotNull(form.experiment());
        assertEquals(0.002, form.experiment().train().lr());
        assertTrue(form.modifiedProperty().get());
    }

    @Test
    void headsThatDoNotDivideDModelAreReportedAtHeads() {
        form.set("model.heads", "3");
        assertNull(form.experiment());
        assertTrue(form.error("model.heads").get().contains("does not divide"), form.error("model.heads").get());
        form.set("model.dModel", "24");
        assertNotNull(form.experiment(), "a combination valid only together passes");
        assertEquals(3, form.experiment().model().heads());
    }

    @Test
    void adminIsRuledOutForPreLnAndFallsBackToDefault() {
        form.set("model.norm", "pre");
        assertNotNull(form.whyNot("model.init", "admin"));
        form.set("model.norm", "post");
        form.choose("model.init", "admin");
        assertEquals("admin", form.experiment().model().init().id());
        form.choose("model.norm", "pre");
        assertEquals("default", form.value("model.init").get());
        assertNotNull(form.experiment());
    }

    @Test
    void revertRestoresThePreset() {
        form.set("train.steps", "-5");
        assertNull(form.experiment());
        form.revert();
        assertNotNull(form.experiment());
        assertEquals(30, form.experiment().train().steps());
    }
}
