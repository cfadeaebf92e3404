package org.stabilitylab.app.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stabilitylab.app.run.RunHandle;
import org.stabilitylab.app.run.RunSource;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.run.LayerMetrics;
import org.stabilitylab.engine.run.RunInfo;
import org.stabilitylab.engine.run.RunListener;
import org.stabilitylab.engine.run.RunStatus;
import org.stabilitylab.engine.run.RunSummary;
import org.stabilitylab.engine.run.StepMetrics;
import org.stabilitylab.engine.run.SublayerInfo;

/** Test double for view-model tests: runs that do nothing until the test makes them report. */
final class ScriptedRuns implements RunSource {
    final List<Scripted> made = new ArrayList<>();

    @Override
    public RunHandle create(Experiment experiment) {
        Scripted s = new Scripted(experiment);
        made.add(s);
        return s;
    }

    /** One scripted run: records the calls made on it and emits what the test asks. */
    static final class Scripted implements RunHandle {
        final Experiment experiment;
        final List<RunListener> listeners = new ArrayList<>();
        final List<String> calls = new ArrayList<>();
        RunStatus status = RunStatus.CREATED;

        Scripted(Experiment experiment) {
            this.experiment = experiment;
        }

        @Override
        public void addListener(RunListener l) {
            listeners.add(l);
        }

        @Override
        public void start(boolean paused) {
            calls.add(paused ? "start-paused" : "start");
        }

        @Override
        public void pause() {
            calls.add("pause");
        }

        @Override
        public void resume() {
            calls.add("resume");
        }

        @Override
        public void stepOnce() {
            calls.add("step");
        }

        @Override
        public void stop() {
            calls.add("stop");
        }

        @Override
        public RunStatus status() {
            return status;
        }

        void emitStart() {
            RunInfo info = new RunInfo(experiment, "test", "cpu", 1, List.of(new SublayerInfo("encoder", 1, "self-attn"),
                    new SublayerInfo("encoder", 2, "ffn")), Map.of());
            listeners.forEach(l -> l.onStart(info));
            emitStatus(RunStatus.RUNNING);
        }

        void emitStep(int step, double loss) {
            List<LayerMetrics> layers = step % 5 == 0
                    ? List.of(new LayerMetrics("encoder", 1, "self-attn", 0.5, 1.5, 0.57, 0.1),
                    new LayerMetrics("encoder", 2, "ffn", 0.4, 1.4, 0.53, 0.2))
                    : List.of();
            double probe = layers.isEmpty() ? Double.NaN : 1e-4;
            StepMetrics m = new StepMetrics(step, loss, 1e-3, 1.0, 1000, 10, 1e-3, probe, probe, probe, layers);
            listeners.forEach(l -> l.onStep(m));
        }

        void emitStatus(RunStatus s) {
            status = s;
            listeners.forEach(l -> l.onStatus(s));
        }

        void emitFinish(RunStatus s, Integer divergedAt) {
            status = s;
            RunSummary sum = new RunSummary(s, 1.0, 0.9, 1.1, 0.5, s == RunStatus.DIVERGED, divergedAt, 10, 1.0,
                    10.0, s == RunStatus.DIVERGED ? "loss not finite" : "", Map.of());
            listeners.forEach(l -> l.onStatus(s));
            listeners.forEach(l -> l.onFinish(sum));
        }
    }
}
