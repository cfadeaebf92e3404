package org.stabilitylab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stabilitylab.app.App;
import org.stabilitylab.app.TinyPreset;
import org.stabilitylab.app.io.UserData;
import org.stabilitylab.app.run.RunHandle;
import org.stabilitylab.app.view.MainView;
import org.stabilitylab.app.vm.LabViewModel;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.run.LayerMetrics;
import org.stabilitylab.engine.run.RunInfo;
import org.stabilitylab.engine.run.RunListener;
import org.stabilitylab.engine.run.RunStatus;
import org.stabilitylab.engine.run.StepMetrics;
import org.stabilitylab.engine.run.SublayerInfo;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Six runs of 10,000 steps on the charts: measures what one chart update costs on the FX thread
 * (drain + decimate + redraw) and checks it stays far below a frame budget.
 */
@ExtendWith(ApplicationExtension.class)
class ChartLoadTest {
    private static final int RUNS = 6;
    private static final int STEPS = 10_000;
    private MainView view;
    private double wallMs;
    private final java.util.List<RunListener> feeds = new java.util.ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        java.nio.file.Path home = java.nio.file.Files.createTempDirectory("load");
        LabViewModel lab = new LabViewModel(this::handle, new UserData(home), TinyPreset.experiment(STEPS),
                Platform::runLater);
        lab.lessonVisibleProperty().set(false);
        view = new MainView(lab);
        view.notifier().setPopups(false);
        stage.setScene(App.scene(view, 1400, 900));
        stage.show();
    }

    private RunHandle handle(Experiment e) {
        return new RunHandle() {
            @Override
            public void addListener(RunListener l) {
                if (!(l instanceof org.stabilitylab.engine.record.RunRecordWriter)) {
                    feeds.add(l);
                }
            }

            @Override
            public void start(boolean paused) {
            }

            @Override
            public void pause() {
            }

            @Override
            public void resume() {
            }

            @Override
            public void stepOnce() {
            }

            @Override
            public void stop() {
            }

            @Override
            public RunStatus status() {
                return RunStatus.RUNNING;
            }
        };
    }

    @Test
    void sixRunsOfTenThousandStepsUpdateWellWithinAFrame() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            view.lab().runs().compare(TinyPreset.experiment(STEPS));
            view.lab().runs().compare(TinyPreset.experiment(STEPS));
        }).get(30, TimeUnit.SECONDS);
        assertEquals(RUNS, feeds.size());
        java.util.List<SublayerInfo> subs = java.util.List.of(new SublayerInfo("encoder", 1, "self-attn"),
                new SublayerInfo("encoder", 2, "ffn"), new SublayerInfo("decoder", 1, "self-attn"),
                new SublayerInfo("decoder", 2, "cross-attn"), new SublayerInfo("decoder", 3, "ffn"));
        for (int r = 0; r < RUNS; r++) {
            RunListener f = feeds.get(r);
            f.onStart(new RunInfo(TinyPreset.experiment(STEPS), "test", "cpu", 1, subs, Map.of()));
            for (int s = 1; s < STEPS; s++) {
                f.onStep(step(s, r));
            }
        }
        // first refresh: everything new
        double full = time(() -> view.driver().tick());
        double fullWall = wallMs;
        wallMs = 0;
        // steady state: one more step per run, as during training
        double steady = 0;
        int frames = 20;
        for (int i = 0; i < frames; i++) {
            for (int r = 0; r < RUNS; r++) {
                feeds.get(r).onStep(step(STEPS + i, r));
            }
            steady += time(() -> view.driver().tick());
        }
        steady /= frames;
        System.out.printf("chart load: 6 runs x %d steps, loss tab: first update %.1f ms CPU (%.1f wall),"
                + " steady update %.1f ms CPU (%.1f wall)%n", STEPS, full, fullWall, steady, wallMs / frames);
        assertEquals(2 * RUNS, view.board().lossChart().dataset().getSeriesCount());
        assertTrue(view.board().lossChart().dataset().getItemCount(0) <= 1500, "decimated: " + view.board().lossChart().dataset().getItemCount(0));
        assertTrue(steady < 60, "a steady update uses well under the 100 ms between refreshes: " + steady + " ms CPU");
    }

    private static StepMetrics step(int s, int run) {
        double loss = 3 * Math.exp(-s / 3000.0) + 0.1 * Math.sin(s * 0.37 + run) + 0.3;
        java.util.List<LayerMetrics> layers = s % 10 == 0 ? java.util.List.of(
                new LayerMetrics("encoder", 1, "self-attn", 0.5, 1.5, 0.57, 0.1),
                new LayerMetrics("encoder", 2, "ffn", 0.4, 1.4, 0.53, 0.2),
                new LayerMetrics("decoder", 1, "self-attn", 0.5, 1.5, 0.57, 0.1),
                new LayerMetrics("decoder", 2, "cross-attn", 0.4, 1.4, 0.53, 0.02),
                new LayerMetrics("decoder", 3, "ffn", 0.4, 1.4, 0.53, 0.2)) : java.util.List.of();
        double probe = layers.isEmpty() ? Double.NaN : 1e-4 * (1 + run);
        return new StepMetrics(s, loss, 1e-3, 1, 1000, 10, 1e-3 * (1 + run), probe, probe + loss, probe, layers);
    }

    /** CPU time the FX thread spends on {@code r}, in ms: wall time on a shared 2-core machine mostly measures the neighbours. */
    private double time(Runnable r) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            var bean = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = bean.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            r.run();
            wallMs += (System.nanoTime() - t0) / 1e6;
            return (bean.getCurrentThreadCpuTime() - c0) / 1e6;
        }).get(60, TimeUnit.SECONDS);
    }
}
