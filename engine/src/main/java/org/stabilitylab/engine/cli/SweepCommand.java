package org.stabilitylab.engine.cli;

import java.io.BufferedWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;
import org.stabilitylab.engine.record.Csv;
import org.stabilitylab.engine.run.RunStatus;
import org.stabilitylab.engine.run.RunSummary;

/**
 * Trains every combination of the grid for seeds S..S+K-1, {@code --threads} runs at a time, writing
 * each run's record in its own subfolder and sweep.csv's rows in plan order as soon as a run and all
 * before it have ended. Why runs at a time: independent runs are the parallelism that pays at these
 * model sizes (one run per core beats one run split over cores), and a run's result does not depend
 * on what trains beside it.
 */
final class SweepCommand implements Command {
    static final String SUMMARY_COLUMNS = "status,finalLoss,bestLoss,finalValLoss,finalAccuracy,diverged,"
            + "divergedAtStep,steps,wallSeconds,msPerStep,reason,record";

    @Override
    public String name() {
        return "sweep";
    }

    @Override
    public String summary() {
        return "train every combination of --grid values (and seeds); one row per run in sweep.csv";
    }

    @Override
    public String usage() {
        return "usage: sweep --preset FILE|NAME --grid key=v1,v2,... [--grid ...] [--seeds K] [--set key=value]..."
                + " [--steps N] [--seed S] [--threads N] [--out DIR] [--quiet]\n"
                + ExperimentOptions.USAGE
                + "  --grid key=v1,v2     values to try for one key (repeatable; every combination runs);\n"
                + "                       optional when the preset has a sweep block (its grid is the default)\n"
                + "  --seeds K            run each combination with seeds S..S+K-1 (default 1, or the preset's\n"
                + "                       sweep.seeds when its grid is used)\n"
                + "  --threads N          runs trained at a time (default 2; each run also uses\n"
                + "                       STABILITY_LAB_THREADS threads of its own)\n"
                + "  --out DIR            sweep folder (default runs/sweep-NAME-TIMESTAMP)\n"
                + "  --quiet              no progress lines on stderr\n";
    }

    @Override
    public Set<String> valuedOptions() {
        Set<String> s = new HashSet<>(ExperimentOptions.VALUED);
        s.addAll(Set.of("--grid", "--seeds", "--out", "--threads"));
        return s;
    }

    @Override
    public Set<String> flags() {
        return Set.of("--quiet");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        Experiment preset = ExperimentOptions.from(args);
        // a preset's own sweep block is the default grid; --grid replaces it
        boolean ownGrid = !args.has("--grid") && !preset.sweep().isEmpty();
        Grid grid = ownGrid ? Grid.of(preset.sweep().grid()) : Grid.parse(args.values("--grid"));
        int seeds = args.integer("--seeds", ownGrid ? preset.sweep().seeds() : 1, 1, 1000);
        Experiment base = preset.withoutSweep();
        List<Planned> plan = plan(base, grid, seeds);
        int threads = args.integer("--threads", 2, 1, 64);
        Path dir = OutDirs.choose(args, "sweep-" + base.name());
        OutDirs.create(dir);
        PrintStream progress = args.has("--quiet") ? null : err;
        int failed = 0;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, plan.size()), NAMED);
        try (BufferedWriter csv = Files.newBufferedWriter(dir.resolve("sweep.csv"), StandardCharsets.UTF_8)) {
            csv.write(String.join(",", grid.keys()) + ",seed," + SUMMARY_COLUMNS + "\n");
            csv.flush();
            List<Future<RunCommand.Outcome>> runs = new ArrayList<>();
            for (int i = 0; i < plan.size(); i++) {
                Planned p = plan.get(i);
                String label = label(i, plan.size(), p);
                runs.add(pool.submit(() -> RunCommand.train(p.experiment(), dir.resolve(p.folder()), progress, label)));
            }
            // rows in plan order: a later run that ends first only waits for its row
            for (int i = 0; i < plan.size(); i++) {
                Planned p = plan.get(i);
                RunCommand.Outcome outcome = outcome(runs.get(i));
                RunSummary s = outcome.summary();
                if (s.status() == RunStatus.FAILED || outcome.writeError() != null) {
                    failed++;
                }
                csv.write(row(p, s));
                csv.flush();
                out.println(label(i, plan.size(), p) + ": " + s.status() + ", final loss "
                        + Report.number(s.finalLoss()) + ", val accuracy " + Report.percent(s.finalAccuracy()));
            }
        } finally {
            pool.shutdownNow();
        }
        out.println("sweep: " + plan.size() + " runs in " + dir.resolve("sweep.csv"));
        if (failed > 0) {
            err.println("error: " + failed + " of " + plan.size() + " runs failed; see their run.json");
            return Main.FAILED;
        }
        return Main.OK;
    }

    private static final ThreadFactory NAMED = new ThreadFactory() {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "sweep-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    };

    private static String label(int i, int count, Planned p) {
        return Report.fmt("[%d/%d] %s", i + 1, count, p.label());
    }

    private static RunCommand.Outcome outcome(Future<RunCommand.Outcome> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            // TrainingRun reports a failed run in its summary; anything else is a bug worth its stack
            throw new IllegalStateException("sweep run crashed: " + e.getCause(), e.getCause());
        }
    }

    /** Builds and validates every run first, so a bad grid value stops the sweep before any training. */
    private static List<Planned> plan(Experiment base, Grid grid, int seeds) {
        List<Planned> plan = new ArrayList<>();
        for (Map<String, String> combo : grid.combinations()) {
            for (int k = 0; k < seeds; k++) {
                Experiment e = base;
                for (Map.Entry<String, String> kv : combo.entrySet()) {
                    e = Presets.with(e, kv.getKey(), kv.getValue());
                }
                e = Presets.with(e, "seed", Long.toString(e.seed() + k));
                Presets.validate(e);
                plan.add(new Planned(combo, e, Report.fmt("%03d-", plan.size() + 1) + slug(combo, e.seed())));
            }
        }
        return plan;
    }

    private static String slug(Map<String, String> combo, long seed) {
        StringBuilder sb = new StringBuilder();
        combo.forEach((k, v) -> sb.append(k.substring(k.lastIndexOf('.') + 1)).append('=').append(v).append('-'));
        sb.append("seed").append(seed);
        return sb.toString().replaceAll("[^A-Za-z0-9._=-]", "_");
    }

    private static String row(Planned p, RunSummary s) {
        List<String> cells = new ArrayList<>();
        p.combo().values().forEach(v -> cells.add(Csv.cell(v)));
        cells.add(Long.toString(p.experiment().seed()));
        cells.add(s.status().name());
        cells.add(Csv.cell(s.finalLoss()));
        cells.add(Csv.cell(s.bestLoss()));
        cells.add(Csv.cell(s.finalValLoss()));
        cells.add(Csv.cell(s.finalAccuracy()));
        cells.add(Boolean.toString(s.diverged()));
        cells.add(s.divergedAtStep() == null ? "" : s.divergedAtStep().toString());
        cells.add(Integer.toString(s.steps()));
        cells.add(Csv.cell(s.wallSeconds()));
        cells.add(Csv.cell(s.msPerStep()));
        cells.add(Csv.cell(s.reason()));
        cells.add(Csv.cell(p.folder()));
        return String.join(",", cells) + "\n";
    }

    private record Planned(Map<String, String> combo, Experiment experiment, String folder) {
        String label() {
            StringBuilder sb = new StringBuilder();
            combo.forEach((k, v) -> sb.append(k).append('=').append(v).append(' '));
            return sb.append("seed=").append(experiment.seed()).toString();
        }
    }
}
