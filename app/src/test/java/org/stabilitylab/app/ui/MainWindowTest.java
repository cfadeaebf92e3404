package org.stabilitylab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stabilitylab.app.view.MainView;
import org.stabilitylab.app.vm.RunViewModel;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;
import org.stabilitylab.engine.run.RunStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window driven like a user, headless, on the real engine with a tiny model. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir
    static Path home;

    private MainView view;

    @Start
    void start(Stage stage) {
        view = WindowFixture.open(stage, home, 400);
    }

    @Test
    void runFillsTheLossChartThenPauseResumeAndStop(FxRobot robot) throws Exception {
        robot.clickOn("#run");
        waitFor(() -> view.board().lossChart().dataset().getSeriesCount() > 0
                && view.board().lossChart().dataset().getItemCount(0) >= 5);
        RunViewModel run = onFx(() -> view.lab().runs().runs().get(0));
        assertEquals("#D55E00", run.colour());

        robot.clickOn("#pause");
        waitFor(() -> run.status() == RunStatus.PAUSED);
        int pausedAt = onFx(() -> run.stepProperty().get());
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        assertEquals(pausedAt, (int) onFx(() -> run.stepProperty().get()), "no steps while paused");
        assertEquals("Resume", onFx(() -> robot.lookup("#pause").queryAs(Button.class).getText()));

        robot.clickOn("#pause");
        waitFor(() -> run.status() == RunStatus.RUNNING && run.stepProperty().get() > pausedAt);

        robot.interact(() -> view.requestFocus());
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> run.status() == RunStatus.STOPPED);
        assertEquals("stopped", onFx(() -> run.statusTextProperty().get()));
        assertTrue(Files.isRegularFile(run.recordDir().resolve("run.json")), "record kept under runs/");
    }

    @Test
    void compareCreatesThreeRunsThatDifferOnlyInPlacementAndInit(FxRobot robot) throws Exception {
        robot.clickOn("#compare");
        List<RunViewModel> runs = onFx(() -> List.copyOf(view.lab().runs().runs()));
        assertEquals(3, runs.size());
        Set<String> variants = new HashSet<>();
        Set<String> rest = new HashSet<>();
        for (RunViewModel r : runs) {
            Experiment e = r.experiment();
            variants.add(e.model().norm().id() + "/" + e.model().init().id());
            rest.add(Presets.toJson(Presets.with(Presets.with(e, "model.init", "default"), "model.norm", "post")));
        }
        assertEquals(Set.of("post/default", "pre/default", "post/admin"), variants);
        assertEquals(1, rest.size(), "same seed and every other setting equal");
        waitFor(() -> view.board().lossChart().dataset().getSeriesCount() == 6
                && view.board().lossChart().dataset().getItemCount(4) > 0);
        robot.clickOn("#stop");
        waitFor(() -> view.lab().runs().runs().stream().allMatch(RunViewModel::isFinished));

        Path out = onFx(() -> view.files().exportAll(home.resolve("exports")));
        for (String chart : List.of("loss", "divergence", "layer-variance", "dependency-1", "dependency-3",
                "gradients", "amplification")) {
            assertTrue(Files.size(out.resolve(chart + ".png")) > 1000, chart + ".png");
            assertTrue(Files.readString(out.resolve(chart + ".svg")).contains("<svg"), chart + ".svg");
        }
        assertFalse(Files.exists(out.resolve("dependency-4.png")), "no empty heatmaps for absent runs");
        try (var records = Files.list(out.resolve("runs"))) {
            assertEquals(3, records.filter(d -> Files.isRegularFile(d.resolve("run.json"))).count());
        }
    }

    @Test
    void galleryLoadsAShippedPresetIntoTheForm(FxRobot robot) throws Exception {
        robot.clickOn("Presets");
        var gallery = view.lookup("#preset-gallery");
        @SuppressWarnings("unchecked")
        var list = (javafx.scene.control.ListView<Experiment>) gallery;
        Experiment target = onFx(() -> list.getItems().stream().filter(e -> e.name().equals("pre-ln-6")).findFirst()
                .orElseThrow());
        robot.interact(() -> list.getSelectionModel().select(target));
        robot.clickOn("#preset-load");
        assertEquals("pre-ln-6", onFx(() -> view.lab().form().loadedProperty().get().name()));
        assertEquals("pre", onFx(() -> view.lab().form().value("model.norm").get()));
        assertEquals(target, onFx(() -> view.lab().form().experiment()));
    }

    @Test
    void aBadFieldBlocksRunWithAMessage(FxRobot robot) throws Exception {
        TextField dModel = robot.lookup("#field-model-dModel").queryAs(TextField.class);
        robot.interact(() -> dModel.setText(""));
        robot.clickOn(dModel).write("abc");
        assertTrue(onFx(() -> robot.lookup("#run").queryAs(Button.class).isDisabled()), "Run disabled");
        assertTrue(onFx(() -> robot.lookup("#compare").queryAs(Button.class).isDisabled()), "Compare disabled");
        Label error = robot.lookup("#error-model-dModel").queryAs(Label.class);
        assertTrue(onFx(error::isVisible));
        assertTrue(onFx(error::getText).contains("abc"), onFx(error::getText));
        assertTrue(onFx(() -> dModel.getStyleClass().contains("field-error")));
        String problem = onFx(() -> robot.lookup("#run-problem").queryAs(Label.class).getText());
        assertTrue(problem.startsWith("Cannot run: model.dModel"), problem);

        robot.interact(() -> dModel.setText("32"));
        assertFalse(onFx(() -> robot.lookup("#run").queryAs(Button.class).isDisabled()));
        assertFalse(onFx(error::isVisible));
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }
}
