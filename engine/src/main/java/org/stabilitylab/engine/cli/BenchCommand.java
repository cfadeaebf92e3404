package org.stabilitylab.engine.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.stabilitylab.engine.EngineInfo;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;
import org.stabilitylab.engine.run.RunInfo;
import org.stabilitylab.engine.run.RunListener;
import org.stabilitylab.engine.run.RunStatus;
import org.stabilitylab.engine.run.RunSummary;
import org.stabilitylab.engine.run.StepMetrics;
import org.stabilitylab.engine.run.TrainingRun;

/**
 * Training speed with the probes off: percentiles of ms/step after dropping the first 20% of
 * steps (JIT and allocator warm-up), tokens per second, and what it ran on.
 */
final class BenchCommand implements Command {
    static final int DEFAULT_STEPS = 100;

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "training speed (ms/step, tokens/s) with the probes off";
    }

    @Override
    public String usage() {
        return "usage: bench --preset FILE|NAME [--set key=value]... [--steps N] [--seed S] [--probes N]\n"
                + "  --probes N           also time a second pass with probes every N steps and print their\n"
                + "                       overhead (mean wall ms/step, validation and probes included), against\n"
                + "                       the first pass and against the same pass's steps without probes\n"
                + ExperimentOptions.USAGE.replace("shorthand for --set train.steps=N",
                "steps to time (default " + DEFAULT_STEPS + ", not the preset's)");
    }

    @Override
    public Set<String> valuedOptions() {
        Set<String> valued = new HashSet<>(ExperimentOptions.VALUED);
        valued.add("--probes");
        return valued;
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) {
        Experiment e = ExperimentOptions.from(args);
        if (!args.has("--steps")) {
            e = Presets.with(e, "train.steps", Integer.toString(DEFAULT_STEPS));
        }
        String probeEvery = args.has("--probes")
                ? Integer.toString(args.integer("--probes", 10, 1, 1_000_000)) : null;
        e = Presets.with(e, "probe.every", "0");
        e = Presets.with(e, "probe.validateEvery", "0");
        Timings timings = new Timings();
        RunSummary s = timed(e, timings);
        if (s.status() == RunStatus.FAILED) {
            err.println("error: the benchmark run failed: " + s.reason());
            return Main.FAILED;
        }
        int n = timings.ms.size();
        int skip = n / 5; // the JIT compiles the fused Java kernels during the first steps
        double[] ms = timings.ms.subList(skip, n).stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] tokens = timings.tokens.subList(skip, n).stream().mapToDouble(Double::doubleValue).sorted().toArray();
        RunInfo info = timings.info;
        out.println(Report.fmt("bench %s: %d steps timed (first %d dropped as warm-up)%s", e.name(), ms.length, skip,
                s.status() == RunStatus.DONE ? "" : ", run ended " + s.status()));
        out.println(Report.fmt("  ms/step     median %.2f  p10 %.2f  p90 %.2f", percentile(ms, 50), percentile(ms, 10),
                percentile(ms, 90)));
        out.println(Report.fmt("  tokens/s    %.0f (median)", percentile(tokens, 50)));
        out.println(Report.fmt("  parameters  %,d", info == null ? 0 : info.parameters()));
        out.println("  backend     " + (info == null ? "?" : info.backend()));
        out.println("  device      " + (info == null ? "?" : info.device()));
        out.println("  blas        " + EngineInfo.blas());
        if (probeEvery != null) {
            Timings probed = new Timings();
            timed(Presets.with(e, "probe.every", probeEvery), probed);
            double off = timings.meanWallMs();
            double on = probed.meanWallMs();
            out.println(Report.fmt("  probes      every %s steps: mean wall %.2f ms/step vs %.2f without (%+.1f%%)",
                    probeEvery, on, off, 100 * (on / off - 1)));
            double plain = probed.meanWallMs(false);
            out.println(Report.fmt("              same run: mean wall %.2f ms/step vs %.2f on its steps without"
                    + " probes or validation (%+.1f%%)", on, plain, 100 * (on / plain - 1)));
        }
        return Main.OK;
    }

    private static RunSummary timed(Experiment e, Timings timings) {
        TrainingRun run = new TrainingRun(e);
        run.addListener(timings);
        return run.runBlocking();
    }

    /** Nearest-rank percentile of sorted values; NaN when there are none. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    private static final class Timings implements RunListener {
        final List<Double> ms = new ArrayList<>();
        final List<Double> tokens = new ArrayList<>();
        final List<Long> wallNanos = new ArrayList<>();
        final List<Boolean> extra = new ArrayList<>(); // the step also ran probes or validation
        RunInfo info;
        private long last;

        /** Mean wall time between consecutive steps after the warm-up tenth: everything a step costs. */
        double meanWallMs() {
            return meanWallMs(true);
        }

        /**
         * The same over the steps that ran probes or validation too ({@code withExtras}) or only over
         * those that did not. Why the second: set against the first it measures what the probes cost
         * within one run, free of the drift between two runs that moved the two-run figure by more
         * than the overhead itself.
         */
        double meanWallMs(boolean withExtras) {
            int skip = Math.max(1, wallNanos.size() / 10);
            return java.util.stream.IntStream.range(skip, wallNanos.size())
                    .filter(i -> withExtras || !extra.get(i))
                    .mapToLong(wallNanos::get).average().orElse(Double.NaN) / 1e6;
        }

        @Override
        public void onStart(RunInfo runInfo) {
            info = runInfo;
            last = System.nanoTime();
        }

        @Override
        public void onStep(StepMetrics m) {
            long now = System.nanoTime();
            wallNanos.add(now - last);
            extra.add(m.probed() || !Double.isNaN(m.valLoss()));
            last = now;
            ms.add(m.msPerStep());
            tokens.add(m.tokensPerSec());
        }
    }
}
