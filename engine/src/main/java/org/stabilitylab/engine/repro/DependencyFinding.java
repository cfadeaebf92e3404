package org.stabilitylab.engine.repro;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;
import org.stabilitylab.engine.run.LayerMetrics;

/**
 * Finding behind the amplification effect (science.md section 3, betaOwn): at initialisation Post-LN leans
 * heavily on every residual branch while Pre-LN and Admin lean less and less with depth (part "6"); after
 * training Admin's dependency grows back toward Post-LN's (part "6b"). Both parts read the same runs, the
 * shallow contest's (same model), and are judged separately because only the first is robust at toy scale.
 */
final class DependencyFinding implements Finding {
    private final boolean afterTraining;

    /** @param afterTraining false for part 6 (at initialisation), true for part 6b (Admin after training) */
    DependencyFinding(boolean afterTraining) {
        this.afterTraining = afterTraining;
    }

    static final String PRESET = "paper-6-dependency";
    /** At init Post-LN's mean betaOwn over the later sublayers is at least this many times Pre-LN's and Admin's. */
    static final double INIT_FACTOR = 1.5;
    /** After training Admin's mean betaOwn over the later sublayers is at least this many times its value at init. */
    static final double GROWTH = 1.2;

    @Override
    public String id() {
        return afterTraining ? "6b" : "6";
    }

    @Override
    public String title() {
        return afterTraining ? "Residual dependency after training: Admin's grows back toward Post-LN's"
                : "Residual dependency betaOwn at initialisation: Post-LN heavy, Pre-LN and Admin light";
    }

    @Override
    public String claim() {
        return afterTraining ? "After training Admin's dependency on its own branches grows back toward Post-LN's."
                : "Post-LN keeps betaOwn ~ 0.4-0.6 at every depth (heavy dependency); Pre-LN and Admin at init decay"
                + " like 1/sqrt(i).";
    }

    @Override
    public String preset() {
        return PRESET;
    }

    @Override
    public FindingResult run(Context ctx) throws Exception {
        Experiment base = ShallowFinding.scaled(Presets.load(PRESET), ctx.scale());
        int seeds = ShallowFinding.seeds(ctx.scale());
        Contest c = Contest.train(ctx.lab(), base, List.of(Variant.values()), seeds);
        Map<Variant, double[]> init = new LinkedHashMap<>();
        Map<Variant, double[]> trained = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (Variant v : Variant.values()) {
            init.put(v, meanBeta(c.of(v), true, names));
            trained.put(v, meanBeta(c.of(v), false, null));
        }
        int n = init.get(Variant.POST).length;
        Table table = new Table("sublayer", "Post-LN init", "Post-LN trained", "Pre-LN init", "Pre-LN trained",
                "Admin init", "Admin trained", "1/sqrt(i)");
        for (int i = 0; i < n; i++) {
            table.row(names.get(i), init.get(Variant.POST)[i], trained.get(Variant.POST)[i], init.get(Variant.PRE)[i],
                    trained.get(Variant.PRE)[i], init.get(Variant.ADMIN)[i], trained.get(Variant.ADMIN)[i],
                    1 / Math.sqrt(i + 1));
        }
        Map<String, Double> numbers = new LinkedHashMap<>();
        for (Variant v : Variant.values()) {
            numbers.put("lateInit." + v.name().toLowerCase(), late(init.get(v)));
            numbers.put("lateTrained." + v.name().toLowerCase(), late(trained.get(v)));
        }
        double post0 = numbers.get("lateInit.post");
        double pre0 = numbers.get("lateInit.pre");
        double admin0 = numbers.get("lateInit.admin");
        double admin1 = numbers.get("lateTrained.admin");
        boolean heavy = post0 >= INIT_FACTOR * pre0 && post0 >= INIT_FACTOR * admin0;
        boolean grows = admin1 >= GROWTH * admin0;
        boolean held = afterTraining ? grows : heavy;
        String verdict = afterTraining
                ? Table.fmt("mean betaOwn over the later half of the sublayers: Admin %.2f at init, %.2f after %d steps"
                        + " (%.2fx); Post-LN %.2f -> %.2f, Pre-LN %.2f -> %.2f", admin0, admin1, base.train().steps(),
                        admin1 / admin0, post0, numbers.get("lateTrained.post"), pre0, numbers.get("lateTrained.pre"))
                : Table.fmt("mean betaOwn over the later half of the sublayers at init: Post-LN %.2f, Pre-LN %.2f,"
                        + " Admin %.2f (Post-LN %.1fx Pre-LN, %.1fx Admin)", post0, pre0, admin0, post0 / pre0,
                        post0 / admin0);
        if (afterTraining) {
            String body = "Same runs and table as finding 6 (chart `6-dependency.png`, dashed lines).\n\nCriterion:"
                    + " after training Admin's mean betaOwn over the later half of the sublayers is at least " + GROWTH
                    + "x its value at init.\n";
            return new FindingResult(id(), title(), claim(), PRESET, held, verdict, body, List.of(), numbers, 0);
        }

        double[] x = Charts.oneTo(n);
        List<Charts.Series> series = new ArrayList<>();
        for (Variant v : Variant.values()) {
            series.add(new Charts.Series(v.label() + " at init", x, init.get(v), v.ordinal(), false, true));
            series.add(new Charts.Series(v.label() + " trained", x, trained.get(v), v.ordinal(), true, true));
        }
        double[] ref = new double[n];
        for (int i = 0; i < n; i++) {
            ref[i] = 1 / Math.sqrt(i + 1);
        }
        series.add(new Charts.Series("1/sqrt(i)", x, ref, 6, true, false));
        String image = "6-dependency.png";
        Charts.line(ctx.out().resolve(image), "Residual dependency betaOwn per sublayer", "sublayer i (forward order)",
                "betaOwn = sqrt(Var f_i / Var b_i)", false, false, series);
        String body = "betaOwn = sqrt(Var[f_i] / Var[b_i]) per sublayer, measured on the probe batch at step 1 (before"
                + " the first update: initialisation) and at the last step, averaged over " + seeds + " seed(s)."
                + " Settings (preset `" + PRESET + "`, the same model as finding 2): " + c.settings() + ".\n\n"
                + table.markdown() + "\nCriterion: at init Post-LN's mean betaOwn over the later half of the sublayers is"
                + " at least " + INIT_FACTOR + "x Pre-LN's and Admin's.\n";
        return new FindingResult(id(), title(), claim(), PRESET, held, verdict, body, List.of(image), numbers, 0);
    }

    /** betaOwn per sublayer averaged over runs, at the first probe (init) or the last. */
    private static double[] meanBeta(List<Trained> runs, boolean atInit, List<String> names) {
        double[] sum = null;
        int count = 0;
        for (Trained t : runs) {
            List<LayerMetrics> layers = atInit ? t.firstLayers() : t.lastLayers();
            if (layers.isEmpty()) {
                continue;
            }
            if (sum == null) {
                sum = new double[layers.size()];
                if (names != null && names.isEmpty()) {
                    layers.forEach(l -> names.add(l.stack() + " " + l.sublayer() + " " + l.kind()));
                }
            }
            for (int i = 0; i < sum.length; i++) {
                sum[i] += layers.get(i).betaOwn();
            }
            count++;
        }
        if (sum == null) {
            return new double[0];
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= count;
        }
        return sum;
    }

    /** Mean over the later half of the sublayers, where the difference between placements shows. */
    private static double late(double[] beta) {
        double s = 0;
        int from = beta.length / 2;
        for (int i = from; i < beta.length; i++) {
            s += beta[i];
        }
        return beta.length == 0 ? Double.NaN : s / (beta.length - from);
    }
}
