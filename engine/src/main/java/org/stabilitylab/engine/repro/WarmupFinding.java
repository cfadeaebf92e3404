package org.stabilitylab.engine.repro;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Init;
import org.stabilitylab.engine.config.Presets;
import org.stabilitylab.engine.config.Sweep;

/**
 * Finding 4: without learning-rate warmup Post-LN fails over much of the learning rate x Adam beta2 grid,
 * Admin much less. The grid is the preset's own sweep block (so {@code sweep --preset} runs the same one);
 * a run fails when it diverges or its final validation loss stays above {@link #FAILED} x ln(vocab + 1).
 */
final class WarmupFinding implements Finding {
    static final String PRESET = "paper-4-warmup";
    /** A run failed when it diverged or ended with a validation loss above this fraction of a uniform guess's. */
    static final double FAILED = 0.9;

    @Override
    public String id() {
        return "4";
    }

    @Override
    public String title() {
        return "No warmup: learning rate x Adam beta2 grid";
    }

    @Override
    public String claim() {
        return "Without learning-rate warmup, Post-LN fails over much of the learning-rate x Adam-beta2 grid; Admin is"
                + " much more robust.";
    }

    @Override
    public String preset() {
        return PRESET;
    }

    @Override
    public FindingResult run(Context ctx) throws Exception {
        Experiment preset = Presets.load(PRESET);
        Sweep sweep = preset.sweep();
        List<String> lrs = sweep.grid().getOrDefault("train.lr", List.of(Presets.get(preset, "train.lr")));
        List<String> beta2s = sweep.grid().getOrDefault("train.beta2", List.of(Presets.get(preset, "train.beta2")));
        Experiment base = preset.withoutSweep();
        int seeds = sweep.seeds();
        if (ctx.scale() == Scale.QUICK) {
            base = Presets.with(base, "train.steps", Integer.toString(base.train().steps() / 2));
            lrs = List.of(lrs.get(lrs.size() - 1));
            beta2s = List.of(beta2s.get(beta2s.size() - 1));
            seeds = 1;
        }
        List<Variant> variants = List.of(Variant.POST, Variant.ADMIN);
        List<Experiment> all = new ArrayList<>();
        for (String lr : lrs) {
            for (String b2 : beta2s) {
                for (int k = 0; k < seeds; k++) {
                    for (Variant v : variants) {
                        Experiment e = Presets.with(Presets.with(v.apply(base), "train.lr", lr), "train.beta2", b2);
                        all.add(Presets.with(e, "seed", Long.toString(base.seed() + k)));
                    }
                }
            }
        }
        List<Trained> done = ctx.lab().train(all);
        double limit = FAILED * Math.log(base.task().vocab() + 1);
        Table table = new Table("lr", "beta2", "seed", "Post-LN", "Admin");
        Map<Variant, Integer> failures = new LinkedHashMap<>();
        variants.forEach(v -> failures.put(v, 0));
        int i = 0;
        int cells = 0;
        for (int li = 0; li < lrs.size(); li++) {
            for (String b2 : beta2s) {
                for (int k = 0; k < seeds; k++) {
                    String[] cell = new String[variants.size()];
                    for (int vi = 0; vi < variants.size(); vi++) {
                        Trained t = done.get(i++);
                        boolean failed = t.diverged() || !(t.summary().finalValLoss() < limit);
                        if (failed) {
                            failures.merge(variants.get(vi), 1, Integer::sum);
                        }
                        cell[vi] = (failed ? "**failed** " : "trained ") + (t.diverged() ? "(diverged)"
                                : "(val loss " + Table.num(t.summary().finalValLoss()) + ")");
                    }
                    cells++;
                    table.row(lrs.get(li), b2, base.seed() + k, cell[0], cell[1]);
                }
            }
        }
        int post = failures.get(Variant.POST);
        int admin = failures.get(Variant.ADMIN);
        boolean held = 2 * post >= cells && 2 * admin <= post;
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("failed.post", (double) post);
        numbers.put("failed.admin", (double) admin);
        numbers.put("runsPerVariant", (double) cells);
        String verdict = Table.fmt("without warmup Post-LN failed %d of %d grid runs, Admin %d of %d (lr %s x beta2 %s,"
                + " %d seed(s))", post, cells, admin, cells, String.join("/", lrs), String.join("/", beta2s), seeds);
        String image = "4-warmup-grid.png";
        List<Charts.Series> series = new ArrayList<>();
        String topLr = lrs.get(lrs.size() - 1);
        double[] steps = null;
        for (Trained t : done) {
            Experiment e = t.experiment();
            boolean isAdmin = e.model().init() == Init.ADMIN;
            String lr = Presets.get(e, "train.lr");
            String b2 = Presets.get(e, "train.beta2");
            int colour = isAdmin ? (lr.equals(topLr) ? 2 : 4) : (lr.equals(topLr) ? 0 : 3);
            double[] x = new double[t.probeSteps().length];
            for (int j = 0; j < x.length; j++) {
                x[j] = t.probeSteps()[j];
            }
            steps = x.length > 0 ? x : steps;
            series.add(new Charts.Series(Table.fmt("%s lr %s b2 %s s%d", isAdmin ? "Admin" : "Post-LN", lr, b2,
                    e.seed()), x, t.valLoss(), colour, !b2.equals(beta2s.get(0)), false));
        }
        if (steps != null) {
            double[] lim = new double[steps.length];
            Arrays.fill(lim, limit);
            series.add(new Charts.Series("failure line", steps, lim, 6, true, false));
        }
        Charts.line(ctx.out().resolve(image), "No warmup: validation loss of every grid run", "step",
                "validation loss", false, false, series);
        String body = "Warmup 0, every other setting from preset `" + PRESET + "`: " + settings(base) + ". The grid is"
                + " the preset's `sweep` block (`sweep --preset " + PRESET + "` runs it).\n\n" + table.markdown()
                + "\nCriterion: a run fails when it diverges or ends with a validation loss above " + FAILED
                + " x ln(vocab + 1) = " + Table.num(limit) + "; the finding holds when Post-LN fails in at least half"
                + " of the runs and Admin in at most half as many as Post-LN.\n";
        return new FindingResult(id(), title(), claim(), PRESET, held, verdict, body, List.of(image), numbers, 0);
    }

    private static String settings(Experiment e) {
        return Table.fmt("%s %d layers, d_model %d, task %s (vocab %d, length %d), %s schedule, %d steps, batch %d",
                e.model().arch().id(), DeepFinding.depth(e), e.model().dModel(), e.task().kind().id(), e.task().vocab(),
                e.task().length(), e.train().schedule().id(), e.train().steps(), e.train().batch());
    }
}
