package org.stabilitylab.engine.repro;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finding 3, second half: at the deep setting Admin ends below Pre-LN. Uses the same runs as
 * {@link DeepFinding}; Pre-LN learns faster early and Admin overtakes it late, so this half needs the full
 * number of steps and is expected not to hold in a quick report.
 */
final class DeepRankingFinding implements Finding {

    @Override
    public String id() {
        return "3b";
    }

    @Override
    public String title() {
        return "Deep models: Admin ends below Pre-LN";
    }

    @Override
    public String claim() {
        return "Pre-LN trains but ends worse than Admin; Admin trains and ends best.";
    }

    @Override
    public String preset() {
        return DeepFinding.PRESET;
    }

    @Override
    public FindingResult run(Context ctx) throws Exception {
        Contest c = DeepFinding.contest(ctx);
        int seeds = c.of(Variant.ADMIN).size();
        Table perSeed = new Table("seed", "Pre-LN val loss", "Admin val loss", "Admin / Pre-LN",
                "Pre-LN val accuracy", "Admin val accuracy", "Admin below Pre-LN?");
        int wins = 0;
        for (int k = 0; k < seeds; k++) {
            Trained pre = c.of(Variant.PRE).get(k);
            Trained admin = c.of(Variant.ADMIN).get(k);
            double p = pre.diverged() ? Double.NaN : pre.summary().finalValLoss();
            double a = admin.diverged() ? Double.NaN : admin.summary().finalValLoss();
            boolean better = !admin.diverged() && (pre.diverged() || a < p);
            wins += better ? 1 : 0;
            perSeed.row(admin.experiment().seed(), p, a, a / p,
                    Table.fmt("%.1f%%", 100 * pre.summary().finalAccuracy()),
                    Table.fmt("%.1f%%", 100 * admin.summary().finalAccuracy()), better ? "yes" : "no");
        }
        double pre = Contest.meanValLoss(c.of(Variant.PRE));
        double admin = Contest.meanValLoss(c.of(Variant.ADMIN));
        boolean held = admin < pre && wins * 2 > seeds;
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("valLoss.pre", pre);
        numbers.put("valLoss.admin", admin);
        numbers.put("adminWins", (double) wins);
        numbers.put("seeds", (double) seeds);
        String verdict = Table.fmt("after %d steps mean final val loss Admin %s vs Pre-LN %s; Admin below Pre-LN on"
                + " %d/%d seeds", c.base.train().steps(), Table.num(admin), Table.num(pre), wins, seeds);
        String image = "3b-deep-val.png";
        List<Charts.Series> series = new ArrayList<>();
        for (Variant v : List.of(Variant.PRE, Variant.ADMIN)) {
            List<Trained> runs = c.of(v);
            for (int k = 0; k < runs.size(); k++) {
                Trained t = runs.get(k);
                double[] x = new double[t.probeSteps().length];
                for (int i = 0; i < x.length; i++) {
                    x[i] = t.probeSteps()[i];
                }
                series.add(new Charts.Series(v.label() + " seed " + t.experiment().seed(), x, t.valLoss(), v.ordinal(),
                        k > 0, false));
            }
        }
        Charts.line(ctx.out().resolve(image), "Deep models: validation loss, Pre-LN versus Admin", "step",
                "validation loss (log)", false, true, series);
        String body = "Same runs as finding 3 (preset `" + DeepFinding.PRESET + "`).\n\n" + perSeed.markdown()
                + "\nCriterion: Admin's mean final validation loss is below Pre-LN's and Admin ends below Pre-LN on most"
                + " seeds. Pre-LN usually leads early in training and Admin overtakes it in the last part of the run,"
                + " so a shortened (quick) run is not expected to show this.\n";
        return new FindingResult(id(), title(), claim(), preset(), held, verdict, body, List.of(image), numbers, 0);
    }
}
