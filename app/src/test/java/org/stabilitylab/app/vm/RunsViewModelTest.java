package org.stabilitylab.app.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stabilitylab.app.TinyPreset;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;
import org.stabilitylab.engine.run.RunStatus;

/** The runs bench without a window: events reach rows only through drain(), compare, limits, alerts. */
class RunsViewModelTest {
    private final ScriptedRuns source = new ScriptedRuns();
    private final RunsViewModel vm = new RunsViewModel(source, null);
    private final Experiment tiny = TinyPreset.experiment(30);

    @Test
    void eventsReachTheRowOnlyWhenDrained() {
        RunViewModel r = vm.run(tiny);
        ScriptedRuns.Scripted s = source.made.get(0);
        assertEquals(List.of("start"), s.calls);
        s.emitStart();
        s.emitStep(1, 2.5);
        s.emitStep(2, 2.0);
        assertEquals(0, r.stepProperty().get(), "nothing applied before drain");
        assertTrue(vm.drain());
        assertEquals(2, r.stepProperty().get());
        assertEquals(2.0, r.currentLossProperty().get());
        assertEquals(2.0, r.bestLossProperty().get());
        assertEquals("running", r.statusTextProperty().get());
        assertEquals(2, r.data().loss.size());
        assertFalse(vm.drain(), "nothing new");
    }

    @Test
    void compareStartsThreeRunsThatDifferOnlyInPlacementAndInit() {
        List<RunViewModel> rs = vm.compare(tiny);
        assertEquals(3, rs.size());
        Set<String> pairs = new HashSet<>();
        List<String> rest = new ArrayList<>();
        for (RunViewModel r : rs) {
            Experiment e = r.experiment();
            pairs.add(e.model().norm().id() + "/" + e.model().init().id());
            Experiment neutral = Presets.with(Presets.with(e, "model.init", "default"), "model.norm", "post");
            rest.add(Presets.toJson(neutral));
            assertEquals(tiny.seed(), e.seed());
        }
        assertEquals(Set.of("post/default", "pre/default", "post/admin"), pairs);
        assertEquals(1, new HashSet<>(rest).size(), "every other setting equal");
        assertEquals(List.of("Post-LN", "Pre-LN", "Admin"),
                rs.stream().map(r -> r.name().substring(0, r.name().indexOf(' '))).toList());
        assertEquals(3, new HashSet<>(rs.stream().map(RunViewModel::colour).toList()).size(), "distinct colours");
    }

    @Test
    void pauseResumeAndStopGoToEveryLiveRun() {
        vm.compare(tiny);
        source.made.forEach(ScriptedRuns.Scripted::emitStart);
        vm.drain();
        assertTrue(vm.liveProperty().get());
        vm.pauseOrResume();
        assertTrue(vm.pausedProperty().get());
        vm.pauseOrResume();
        assertFalse(vm.pausedProperty().get());
        vm.stop();
        for (ScriptedRuns.Scripted s : source.made) {
            assertEquals(List.of("start", "pause", "resume", "stop"), s.calls);
        }
    }

    @Test
    void stepWithNothingLiveStartsPausedAndStepsOnce() {
        vm.step(tiny);
        assertEquals(List.of("start-paused", "step"), source.made.get(0).calls);
        assertTrue(vm.pausedProperty().get());
    }

    @Test
    void divergedRunShowsTheStepAndRaisesAnAlert() {
        List<Alert> alerts = new ArrayList<>();
        vm.setAlerts(alerts::add);
        RunViewModel r = vm.run(tiny);
        ScriptedRuns.Scripted s = source.made.get(0);
        s.emitStart();
        s.emitStep(1, 2.0);
        s.emitFinish(RunStatus.DIVERGED, 7);
        vm.drain();
        assertEquals("diverged at step 7", r.statusTextProperty().get());
        assertEquals(1, alerts.size());
        assertTrue(alerts.get(0).title().contains("diverged"));
        assertFalse(vm.liveProperty().get());
    }

    @Test
    void atMostSixRunsOldestFinishedMakesRoom() {
        vm.compare(tiny);
        vm.compare(tiny);
        assertEquals(6, vm.runs().size());
        assertThrows(IllegalStateException.class, () -> vm.run(tiny), "six live runs fill the bench");
        ScriptedRuns.Scripted first = source.made.get(0);
        first.emitFinish(RunStatus.DONE, null);
        vm.drain();
        RunViewModel seventh = vm.run(tiny);
        assertEquals(6, vm.runs().size());
        assertTrue(vm.runs().contains(seventh));
        assertNotEquals(first.experiment, null);
        assertEquals(6, new HashSet<>(vm.runs().stream().map(RunViewModel::colour).toList()).size());
    }

    @Test
    void removeStopsALiveRun() {
        RunViewModel r = vm.run(tiny);
        vm.remove(r);
        assertEquals(List.of("start", "stop"), source.made.get(0).calls);
        assertTrue(vm.runs().isEmpty());
    }
}
