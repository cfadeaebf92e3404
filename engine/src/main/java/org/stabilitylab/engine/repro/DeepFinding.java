package org.stabilitylab.engine.repro;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;

/**
 * Finding 3: at a depth where Post-LN diverges or stalls, Pre-LN trains and Admin trains and ends best.
 * "Stalls" is measured against Admin on the same seed: Post-LN's final validation loss stays far above
 * Admin's (at least {@link #STALL_RATIO} times), or the run diverges.
 */
final class DeepFinding implements Finding {
    static final String PRESET = "paper-3-deep";
    /** Post-LN counts as stalled when its final validation loss is at least this many times Admin's. */
    static final double STALL_RATIO = 1.3;

    @Override
    public int number() {
        return 3;
    }

    @Override
    public String title() {
        return "Deep models: Post-LN fails, Pre-LN trains, Admin ends best";
    }

    @Override
    public String claim() {
        return "Deeper Post-LN models diverge or stall, even with warmup; Pre-LN trains but ends worse than Admin;"
                + " Admin trains and ends best.";
    }

    @Override
    public String preset() {
        return PRESET;
    }

    static Experiment experiment(Scale scale) {
        Experiment e = Presets.load(PRESET);
        if (scale == Scale.QUICK) {
            e = Presets.with(e, "train.steps", Integer.toString(e.train().steps() / 2));
        }
        return e;
    }

    @Override
    public FindingResult run(Context ctx) throws Exception {
        Experiment base = experiment(ctx.scale());
        int seeds = ctx.scale().pick(3, 2);
        Contest c = Contest.train(ctx.lab(), base, List.of(Variant.values()), seeds);
        Table perSeed = new Table("seed", "Post-LN val loss", "Pre-LN val loss", "Admin val loss",
                "Post-LN failed?", "Admin < Pre-LN?");
        int postFailed = 0;
        int adminBeatsPre = 0;
        int othersTrained = 0;
        for (int k = 0; k < seeds; k++) {
            Trained post = c.of(Variant.POST).get(k);
            Trained pre = c.of(Variant.PRE).get(k);
            Trained admin = c.of(Variant.ADMIN).get(k);
            double a = admin.summary().finalValLoss();
            double p = pre.summary().finalValLoss();
            boolean failed = post.diverged() || post.summary().finalValLoss() >= STALL_RATIO * a;
            boolean better = !admin.diverged() && a < p;
            if (!pre.diverged() && !admin.diverged()) {
                othersTrained++;
            }
            postFailed += failed ? 1 : 0;
            adminBeatsPre += better ? 1 : 0;
            perSeed.row(post.experiment().seed(), post.diverged() ? "diverged" : Table.num(post.summary().finalValLoss()),
                    p, a, failed ? "yes" : "no", better ? "yes" : "no");
        }
        double post = Contest.meanValLoss(c.of(Variant.POST));
        double pre = Contest.meanValLoss(c.of(Variant.PRE));
        double admin = Contest.meanValLoss(c.of(Variant.ADMIN));
        boolean held = postFailed == seeds && othersTrained == seeds && adminBeatsPre * 2 > seeds && admin < pre;
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("valLoss.post", post);
        numbers.put("valLoss.pre", pre);
        numbers.put("valLoss.admin", admin);
        numbers.put("postFailedSeeds", (double) postFailed);
        numbers.put("adminBeatsPreSeeds", (double) adminBeatsPre);
        numbers.put("seeds", (double) seeds);
        String verdict = Table.fmt("Post-LN failed on %d/%d seeds (mean val loss %s, diverged runs excluded);"
                        + " mean final val loss Pre-LN %s, Admin %s; Admin below Pre-LN on %d/%d seeds", postFailed,
                seeds, Table.num(post), Table.num(pre), Table.num(admin), adminBeatsPre, seeds);
        String image = "3-deep-loss.png";
        c.lossChart(ctx.out().resolve(image), Table.fmt("%d-layer models: training loss", depth(base)));
        String body = "Settings (preset `" + PRESET + "`): " + c.settings() + ".\n\n" + c.table() + "\n"
                + perSeed.markdown() + "\nCriterion: on every seed Post-LN diverges or ends with a validation loss at"
                + " least " + STALL_RATIO + "x Admin's, Pre-LN and Admin train without diverging, and Admin ends"
                + " below Pre-LN on average and on most seeds.\n";
        return new FindingResult(number(), title(), claim(), PRESET, held, verdict, body, List.of(image), numbers, 0);
    }

    static int depth(Experiment e) {
        return Math.max(e.model().encoderLayers(), e.model().decoderLayers());
    }
}
