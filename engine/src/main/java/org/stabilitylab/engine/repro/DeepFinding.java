package org.stabilitylab.engine.repro;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;

/**
 * Finding 3, first half: at a depth where Post-LN diverges or stalls, Pre-LN and Admin train. "Stalls" is
 * measured against Admin on the same seed: Post-LN's final validation loss stays at least
 * {@link #STALL_RATIO} times Admin's, or the run diverges. The second half (Admin ends below Pre-LN) is
 * {@link DeepRankingFinding}, on the same runs.
 */
final class DeepFinding implements Finding {
    static final String PRESET = "paper-3-deep";
    /** Post-LN counts as stalled when its final validation loss is at least this many times Admin's. */
    static final double STALL_RATIO = 1.5;

    @Override
    public String id() {
        return "3";
    }

    @Override
    public String title() {
        return "Deep models: Post-LN diverges or stalls, Pre-LN and Admin train";
    }

    @Override
    public String claim() {
        return "Deeper Post-LN models (12-18 layers) diverge or stall, even with warmup; Pre-LN and Admin train.";
    }

    @Override
    public String preset() {
        return PRESET;
    }

    /** The deep contest at this scale: QUICK trains half the steps (enough for Post-LN to fall far behind). */
    static Contest contest(Context ctx) {
        Experiment e = Presets.load(PRESET);
        if (ctx.scale() == Scale.QUICK) {
            e = Presets.with(e, "train.steps", Integer.toString(e.train().steps() / 2));
        }
        return Contest.train(ctx.lab(), e, List.of(Variant.values()), ctx.scale().pick(3, 1));
    }

    @Override
    public FindingResult run(Context ctx) throws Exception {
        Contest c = contest(ctx);
        int seeds = c.of(Variant.POST).size();
        double limit = ShallowFinding.TRAINED * c.uniformLoss();
        Table perSeed = new Table("seed", "Post-LN val loss", "Admin val loss", "Post-LN / Admin", "Post-LN failed?",
                "Pre-LN val loss", "Pre-LN and Admin trained?");
        int postFailed = 0;
        int othersTrained = 0;
        double worstRatio = Double.POSITIVE_INFINITY;
        for (int k = 0; k < seeds; k++) {
            Trained post = c.of(Variant.POST).get(k);
            Trained pre = c.of(Variant.PRE).get(k);
            Trained admin = c.of(Variant.ADMIN).get(k);
            double a = admin.summary().finalValLoss();
            double ratio = post.diverged() ? Double.POSITIVE_INFINITY : post.summary().finalValLoss() / a;
            worstRatio = Math.min(worstRatio, ratio);
            boolean failed = post.diverged() || ratio >= STALL_RATIO;
            boolean trained = trained(pre, limit) && trained(admin, limit);
            postFailed += failed ? 1 : 0;
            othersTrained += trained ? 1 : 0;
            perSeed.row(post.experiment().seed(), post.diverged() ? "diverged" : Table.num(post.summary().finalValLoss()),
                    a, Table.num(ratio), failed ? "yes" : "no", pre.summary().finalValLoss(), trained ? "yes" : "no");
        }
        boolean held = postFailed == seeds && othersTrained == seeds;
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("valLoss.post", Contest.meanValLoss(c.of(Variant.POST)));
        numbers.put("valLoss.pre", Contest.meanValLoss(c.of(Variant.PRE)));
        numbers.put("valLoss.admin", Contest.meanValLoss(c.of(Variant.ADMIN)));
        numbers.put("postOverAdmin.min", worstRatio);
        numbers.put("postFailedSeeds", (double) postFailed);
        numbers.put("othersTrainedSeeds", (double) othersTrained);
        numbers.put("seeds", (double) seeds);
        String verdict = Table.fmt("%d-layer Post-LN failed on %d/%d seeds (final val loss at least %sx Admin's);"
                        + " Pre-LN and Admin trained on %d/%d (mean val loss Post-LN %s, Pre-LN %s, Admin %s)",
                depth(c.base), postFailed, seeds, Table.num(worstRatio), othersTrained, seeds,
                Table.num(numbers.get("valLoss.post")), Table.num(numbers.get("valLoss.pre")),
                Table.num(numbers.get("valLoss.admin")));
        String image = "3-deep-loss.png";
        c.lossChart(ctx.out().resolve(image), Table.fmt("%d-layer models: training loss", depth(c.base)));
        String body = "Settings (preset `" + PRESET + "`): " + c.settings() + ".\n\n" + c.table() + "\n"
                + perSeed.markdown() + "\nCriterion: on every seed Post-LN diverges or ends with a validation loss at"
                + " least " + STALL_RATIO + "x Admin's, while Pre-LN and Admin end without divergence below "
                + ShallowFinding.TRAINED + " x ln(vocab + 1) = " + Table.num(limit) + ".\n";
        return new FindingResult(id(), title(), claim(), PRESET, held, verdict, body, List.of(image), numbers, 0);
    }

    static boolean trained(Trained t, double limit) {
        return !t.diverged() && t.summary().finalValLoss() < limit;
    }

    static int depth(Experiment e) {
        return Math.max(e.model().encoderLayers(), e.model().decoderLayers());
    }
}
