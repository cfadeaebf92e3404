package org.stabilitylab.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stabilitylab.app.view.AboutDialog;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Help > About shows the same version lines as --version, plus the JavaFX version the window runs on. */
@ExtendWith(ApplicationExtension.class)
class AboutDialogTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 200, 100));
        stage.show();
    }

    @Test
    void aboutShowsVersionBackendAndJava() throws Exception {
        String text = WaitForAsyncUtils.asyncFx(() -> {
            var dialog = AboutDialog.create(stage, "nd4j-native 1.0.0-M2.1 (CPU, OPENBLAS) \u00b7 CPU x2");
            return ((TextArea) dialog.getDialogPane().lookup("#about-versions")).getText();
        }).get(30, TimeUnit.SECONDS);
        assertTrue(text.startsWith("Transformer Stability Lab "), text);
        assertTrue(text.contains("\nND4J backend: nd4j-native 1.0.0-M2.1 (CPU, OPENBLAS)"), text);
        assertTrue(text.contains("\nJava: " + System.getProperty("java.version")), text);
        assertTrue(text.contains("\nJavaFX: 21"), text);
    }
}
