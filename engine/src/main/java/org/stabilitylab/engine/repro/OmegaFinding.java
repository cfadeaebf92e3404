package org.stabilitylab.engine.repro;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;
import org.stabilitylab.engine.model.Learner;
import org.stabilitylab.engine.task.Task;
import org.stabilitylab.engine.task.Tasks;

/**
 * Finding behind Admin (science.md section 2): the profiled omegas of a 6-layer encoder start at 1 and grow
 * roughly like sqrt(i), next to the paper's reference values. Profiling only, no training.
 */
final class OmegaFinding implements Finding {
    static final String PRESET = "paper-7-omega";
    /** The reference 6-layer encoder's omegas from science.md section 2 (12 sublayers). */
    static final double[] REFERENCE = {1.0, 1.32, 1.44, 1.50, 1.61, 1.68, 1.79, 1.86, 1.95, 2.02, 2.11, 2.18};
    /** omega_i^2 must follow a straight line in i at least this well (R^2): growth like sqrt(i). */
    static final double MIN_R2 = 0.9;

    @Override
    public String id() {
        return "7";
    }

    @Override
    public String title() {
        return "Admin's profiled omegas for a 6-layer encoder";
    }

    @Override
    public String claim() {
        return "omega_1 = 1 and omega_i^2 ~ Var[x_0] + sum_{j<i} Var[f_j], so omega grows roughly like sqrt(i);"
                + " reference: 1.0, 1.32, 1.44, 1.50, 1.61, 1.68, 1.79, 1.86, 1.95, 2.02, 2.11, 2.18.";
    }

    @Override
    public String preset() {
        return PRESET;
    }

    @Override
    public FindingResult run(Context ctx) throws Exception {
        Experiment base = Presets.load(PRESET);
        int seeds = ctx.scale().pick(3, 2);
        Task task = Tasks.create(base.task());
        List<double[]> perSeed = new ArrayList<>();
        for (int k = 0; k < seeds; k++) {
            Experiment e = Presets.with(base, "seed", Long.toString(base.seed() + k));
            SplittableRandom rng = new SplittableRandom(e.seed());
            try (Learner learner = new Learner(e, task.vocab(), task.sourceLength(), task.targetLength(),
                    task.sample(e.train().batch(), rng), false)) {
                perSeed.add(learner.omega().get("encoder"));
            }
        }
        int n = perSeed.get(0).length;
        double[] mean = new double[n];
        for (double[] o : perSeed) {
            for (int i = 0; i < n; i++) {
                mean[i] += o[i] / perSeed.size();
            }
        }
        Table table = new Table("sublayer i", "omega (mean of " + seeds + " seeds)", "min", "max", "reference",
                "ours / reference");
        double worst = 0;
        boolean increasing = true;
        for (int i = 0; i < n; i++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] o : perSeed) {
                lo = Math.min(lo, o[i]);
                hi = Math.max(hi, o[i]);
                if (i > 0 && o[i] <= o[i - 1]) {
                    increasing = false;
                }
            }
            double ref = i < REFERENCE.length ? REFERENCE[i] : Double.NaN;
            worst = Math.max(worst, Math.abs(mean[i] / ref - 1));
            table.row(i + 1, mean[i], lo, hi, ref, mean[i] / ref);
        }
        double r2 = squaredFitQuality(mean);
        boolean startsAtOne = perSeed.stream().allMatch(o -> Math.abs(o[0] - 1.0) < 1e-9);
        boolean held = startsAtOne && increasing && r2 >= MIN_R2;
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("omega.first", mean[0]);
        numbers.put("omega.last", mean[n - 1]);
        numbers.put("r2", r2);
        numbers.put("maxRelativeDeviation", worst);
        numbers.put("sublayers", (double) n);
        String verdict = Table.fmt("omega runs %.2f .. %.2f over %d sublayers (reference 1.00 .. 2.18), %s,"
                        + " omega^2 linear in i with R^2 = %.3f; largest deviation from the reference %.0f%%",
                mean[0], mean[n - 1], n, increasing ? "increasing on every seed" : "NOT increasing on every seed", r2,
                100 * worst);
        double[] x = Charts.oneTo(n);
        double[] sqrt = new double[n];
        for (int i = 0; i < n; i++) {
            sqrt[i] = Math.sqrt(i + 1);
        }
        List<Charts.Series> series = new ArrayList<>();
        series.add(new Charts.Series("Admin omega (this engine)", x, mean, 2, false, true));
        series.add(new Charts.Series("reference (paper's 6-layer encoder)", x,
                Arrays.copyOf(REFERENCE, n), 6, true, true));
        series.add(new Charts.Series("sqrt(i)", x, sqrt, 4, true, false));
        String image = "7-omega.png";
        Charts.line(ctx.out().resolve(image), "Admin's profiled omega per encoder sublayer", "sublayer i",
                "omega_i", false, false, series);
        String body = "The encoder of preset `" + PRESET + "` (" + base.model().encoderLayers() + " layers, d_model "
                + base.model().dModel() + ", task " + base.task().kind().id() + ") is built with default weights and"
                + " profiled on one training batch (science.md section 2).\n\n" + table.markdown()
                + Table.fmt("%nCriterion: omega_1 = 1, omega increases along the stack on every seed, and omega_i^2"
                + " is linear in i (R^2 >= %.1f), i.e. omega grows like sqrt(i). The absolute values depend on the"
                + " variance of the embeddings and of each branch, so they are compared, not required.%n", MIN_R2);
        return new FindingResult(id(), title(), claim(), PRESET, held, verdict, body, List.of(image), numbers, 0);
    }

    /** R^2 of a least-squares line through (i, omega_i^2). */
    static double squaredFitQuality(double[] omega) {
        int n = omega.length;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < n; i++) {
            sx += i + 1;
            sy += omega[i] * omega[i];
        }
        double mx = sx / n;
        double my = sy / n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = i + 1 - mx;
            double dy = omega[i] * omega[i] - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        return syy == 0 ? 1 : sxy * sxy / (sxx * syy);
    }
}
