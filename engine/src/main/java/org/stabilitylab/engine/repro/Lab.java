package org.stabilitylab.engine.repro;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;
import org.stabilitylab.engine.run.LayerMetrics;
import org.stabilitylab.engine.run.RunListener;
import org.stabilitylab.engine.run.RunSummary;
import org.stabilitylab.engine.run.StepMetrics;
import org.stabilitylab.engine.run.TrainingRun;

/**
 * Trains the experiments the findings ask for, a few at a time on a small thread pool, and remembers
 * each result by its experiment: findings that share a run (the shallow models serve three findings)
 * train it once. Why a pool: independent runs are the only parallelism that pays at toy sizes.
 */
public final class Lab implements AutoCloseable {
    private final ExecutorService pool;
    private final Map<Experiment, Future<Trained>> cache = new ConcurrentHashMap<>();
    private final PrintStream progress;
    private final AtomicInteger started = new AtomicInteger();

    /** @param progress where one line per started and finished run goes, or null for silence */
    public Lab(int threads, PrintStream progress) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "repro-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.progress = progress;
    }

    /** Trains every experiment (those not trained before), returning results in the order given. */
    public List<Trained> train(List<Experiment> experiments) {
        List<Future<Trained>> futures = new ArrayList<>();
        for (Experiment e : experiments) {
            futures.add(cache.computeIfAbsent(identity(e), k -> pool.submit(() -> trainOne(e))));
        }
        List<Trained> out = new ArrayList<>();
        for (Future<Trained> f : futures) {
            try {
                out.add(f.get());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while training", ex);
            } catch (ExecutionException ex) {
                throw new IllegalStateException("a training run failed: " + ex.getCause(), ex.getCause());
            }
        }
        return out;
    }

    public Trained train(Experiment e) {
        return train(List.of(e)).get(0);
    }

    /** What makes two runs the same run: everything but the name, description and lesson. */
    private static Experiment identity(Experiment e) {
        Experiment k = Presets.with(e, "name", "run");
        k = Presets.with(k, "description", "");
        // the findings plot validation loss at every probe step
        k = Presets.with(k, "probe.validateEvery", Integer.toString(e.probe().every()));
        return Presets.with(k, "lesson", "").withoutSweep();
    }

    private Trained trainOne(Experiment e) {
        int id = started.incrementAndGet();
        String label = String.format(Locale.ROOT, "  run %d: %s %s/%s seed %d, %d steps", id, e.name(),
                e.model().norm().id(), e.model().init().id(), e.seed(), e.train().steps());
        say(label + " ...");
        Recorder recorder = new Recorder(e.train().steps());
        TrainingRun run = new TrainingRun(e);
        run.addListener(recorder);
        RunSummary s = run.runBlocking();
        say(String.format(Locale.ROOT, "%s: %s, end loss %.3f, val acc %.1f%%, %.0f s", label, s.status(),
                recorder.endLoss(), 100 * s.finalAccuracy(), s.wallSeconds()));
        return recorder.toTrained(e, s);
    }

    private void say(String line) {
        if (progress != null) {
            synchronized (progress) {
                progress.println(line);
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** Keeps the per-step numbers a finding needs while a run goes. */
    private static final class Recorder implements RunListener {
        private final double[] loss;
        private final List<Integer> probeSteps = new ArrayList<>();
        private final List<Double> updateChange = new ArrayList<>();
        private final List<Double> valLoss = new ArrayList<>();
        private List<LayerMetrics> first = List.of();
        private List<LayerMetrics> last = List.of();
        private int steps;

        Recorder(int total) {
            loss = new double[total];
        }

        @Override
        public void onStep(StepMetrics m) {
            if (m.step() - 1 < loss.length) {
                loss[m.step() - 1] = m.loss();
                steps = m.step();
            }
            if (m.probed()) {
                if (first.isEmpty()) {
                    first = m.layers();
                }
                last = m.layers();
                probeSteps.add(m.step());
                updateChange.add(m.updateChange());
                valLoss.add(m.valLoss());
            }
        }

        double endLoss() {
            return Trained.endLoss(Arrays.copyOf(loss, steps));
        }

        Trained toTrained(Experiment e, RunSummary s) {
            double[] ran = Arrays.copyOf(loss, steps);
            return new Trained(e, s, ran, probeSteps.stream().mapToInt(Integer::intValue).toArray(),
                    updateChange.stream().mapToDouble(Double::doubleValue).toArray(),
                    valLoss.stream().mapToDouble(Double::doubleValue).toArray(), first, last);
        }
    }
}
