package org.stabilitylab.app.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stabilitylab.app.TinyPreset;
import org.stabilitylab.app.io.RunArchive;
import org.stabilitylab.app.run.EngineRunSource;
import org.stabilitylab.engine.record.RunRecords;
import org.stabilitylab.engine.run.RunStatus;

/** View models on the real engine, no window: a run is recorded as it goes and reopens with the same data. */
class RealEngineRunsTest {
    @TempDir
    Path home;

    @Test
    void finishedRunIsKeptOnDiskAndReopensWithTheSameCurve() throws Exception {
        RunsViewModel vm = new RunsViewModel(new EngineRunSource(), new RunArchive(home));
        RunViewModel r = vm.run(TinyPreset.experiment(20));
        long deadline = System.currentTimeMillis() + 120_000;
        while (!r.isFinished() && System.currentTimeMillis() < deadline) {
            vm.drain();
            Thread.sleep(20);
        }
        vm.drain();
        assertEquals(RunStatus.DONE, r.status(), r.statusTextProperty().get());
        assertEquals(20, r.stepProperty().get());
        assertEquals(20, r.data().loss.size());
        assertTrue(r.data().probes().size() >= 4, "probe.every 5 over 20 steps: " + r.data().probes().size());
        assertFalse(r.data().sublayers().isEmpty());
        assertTrue(Files.isRegularFile(r.recordDir().resolve("metrics.csv")));
        assertEquals(List.of(r.recordDir()), new RunArchive(home).list());

        RunViewModel back = vm.open(RunRecords.read(r.recordDir()), r.recordDir());
        assertEquals(RunStatus.DONE, back.status());
        assertEquals(r.data().loss.size(), back.data().loss.size());
        for (int i = 0; i < r.data().loss.size(); i++) {
            assertEquals(r.data().loss.y(i), back.data().loss.y(i), 1e-6 * Math.abs(r.data().loss.y(i)));
        }
        assertEquals(r.data().probes().size(), back.data().probes().size());
        assertEquals(r.data().sublayers(), back.data().sublayers());
    }

    @Test
    void amplifyMeasuresAllThreeVariants() throws Exception {
        AmplifyViewModel vm = new AmplifyViewModel(Runnable::run);
        vm.depthsProperty().set("1, 2");
        vm.seedsProperty().set(1);
        vm.start(TinyPreset.experiment(10));
        long deadline = System.currentTimeMillis() + 120_000;
        while (vm.runningProperty().get() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals("Done.", vm.messageProperty().get());
        assertEquals(1.0, vm.progressProperty().get(), 1e-9);
        List<AmplifyViewModel.Labelled> points = new ArrayList<>(vm.points());
        assertEquals(6, points.size());
        Set<String> variants = points.stream().map(AmplifyViewModel.Labelled::variant).collect(Collectors.toSet());
        assertEquals(Set.of("Post-LN", "Pre-LN", "Admin"), variants);
        assertTrue(points.stream().allMatch(p -> p.point().outputChange() > 0));
    }

    @Test
    void badDepthListIsRejectedWithTheReason() {
        AmplifyViewModel vm = new AmplifyViewModel(Runnable::run);
        vm.depthsProperty().set("1, two");
        var ex = org.junit.jupiter.api.Assertions.assertThrows(
                org.stabilitylab.engine.config.BadInputException.class, vm::parseDepths);
        assertTrue(ex.getMessage().contains("'two'"), ex.getMessage());
    }
}
