package org.stabilitylab.engine.repro;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;

/**
 * Finding 5: plain SGD (with momentum) trains a Transformer poorly next to Adam on the same model. To be fair
 * to SGD it gets several learning rates and the best one counts; Adam runs the shallow preset's own setting.
 */
final class OptimizerFinding implements Finding {
    static final String PRESET = "paper-5-optimizer";
    /** SGD learning rates tried in the full report (the preset's own is always among them). */
    static final List<String> SGD_LRS = List.of("0.03", "0.1", "0.3");
    /** Held when Adam's final validation loss is below this fraction of the best SGD run's, on every seed. */
    static final double MARGIN = 0.85;

    @Override
    public String id() {
        return "5";
    }

    @Override
    public String title() {
        return "Optimiser: SGD versus Adam on the same model";
    }

    @Override
    public String claim() {
        return "Plain SGD trains Transformers poorly compared with Adam-family optimisers.";
    }

    @Override
    public String preset() {
        return PRESET;
    }

    @Override
    public FindingResult run(Context ctx) throws Exception {
        Experiment sgd = ShallowFinding.scaled(Presets.load(PRESET), ctx.scale());
        // Adam: the same model with the shallow finding's optimiser settings (so that run is shared)
        Experiment shallow = ShallowFinding.experiment(ctx.scale());
        Experiment adam = sgd;
        for (String key : List.of("train.optimizer", "train.lr", "train.beta1", "train.beta2", "train.eps",
                "train.warmup", "train.schedule")) {
            adam = Presets.with(adam, key, Presets.get(shallow, key));
        }
        List<String> lrs = new ArrayList<>(ctx.scale() == Scale.FULL ? SGD_LRS : List.of());
        String own = Presets.get(sgd, "train.lr");
        if (!lrs.contains(own)) {
            lrs.add(own);
        }
        int seeds = ctx.scale().pick(2, 1);
        List<Experiment> all = new ArrayList<>();
        for (int k = 0; k < seeds; k++) {
            String seed = Long.toString(sgd.seed() + k);
            all.add(Presets.with(adam, "seed", seed));
            for (String lr : lrs) {
                all.add(Presets.with(Presets.with(sgd, "train.lr", lr), "seed", seed));
            }
        }
        List<Trained> done = ctx.lab().train(all);
        Table table = new Table("seed", "optimiser", "lr", "outcome", "train loss start -> end", "val loss",
                "val accuracy");
        int wins = 0;
        double adamSum = 0;
        double sgdSum = 0;
        List<Charts.Series> series = new ArrayList<>();
        int window = Math.max(1, sgd.train().steps() / 40);
        int i = 0;
        for (int k = 0; k < seeds; k++) {
            Trained a = done.get(i++);
            Trained best = null;
            row(table, a);
            for (int j = 0; j < lrs.size(); j++) {
                Trained s = done.get(i++);
                row(table, s);
                if (!s.diverged() && (best == null || s.summary().finalValLoss() < best.summary().finalValLoss())) {
                    best = s;
                }
            }
            double bestSgd = best == null ? Double.POSITIVE_INFINITY : best.summary().finalValLoss();
            if (!a.diverged() && a.summary().finalValLoss() < MARGIN * bestSgd) {
                wins++;
            }
            adamSum += a.summary().finalValLoss() / seeds;
            sgdSum += bestSgd / seeds;
            if (k == 0) {
                series.add(new Charts.Series("Adam lr " + Presets.get(a.experiment(), "train.lr"),
                        Charts.oneTo(a.loss().length), Charts.smooth(a.loss(), window), 2));
                for (int j = 0; j < lrs.size(); j++) {
                    Trained s = done.get(1 + j);
                    series.add(new Charts.Series("SGD lr " + lrs.get(j), Charts.oneTo(s.loss().length),
                            Charts.smooth(s.loss(), window), j == 0 ? 0 : j + 2, j > 0, false));
                }
            }
        }
        boolean held = wins == seeds;
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("valLoss.adam", adamSum);
        numbers.put("valLoss.bestSgd", sgdSum);
        numbers.put("adamWins", (double) wins);
        numbers.put("seeds", (double) seeds);
        String verdict = Table.fmt("mean final val loss Adam %s vs best SGD %s (SGD lr %s); Adam clearly ahead on %d/%d"
                + " seeds", Table.num(adamSum), Table.num(sgdSum), String.join("/", lrs), wins, seeds);
        String image = "5-optimizer-loss.png";
        Charts.line(ctx.out().resolve(image), "SGD versus Adam: training loss (first seed)", "step",
                "training loss (moving average over " + window + " steps)", false, false, series);
        String body = "The same model (preset `" + PRESET + "`, " + sgd.model().arch().id() + " "
                + DeepFinding.depth(sgd) + " layers, " + sgd.model().norm().id() + "/" + sgd.model().init().id()
                + ") trained " + sgd.train().steps() + " steps with SGD (momentum " + Presets.get(sgd, "train.momentum")
                + ") at each learning rate and with Adam at lr " + Presets.get(adam, "train.lr") + ".\n\n"
                + table.markdown() + "\nCriterion: on every seed Adam's final validation loss is below " + MARGIN
                + " x the best SGD run's.\n";
        return new FindingResult(id(), title(), claim(), PRESET, held, verdict, body, List.of(image), numbers, 0);
    }

    private static void row(Table table, Trained t) {
        Experiment e = t.experiment();
        table.row(e.seed(), e.train().optimizer().id(), Presets.get(e, "train.lr"), t.summary().status().name(),
                Table.num(t.startLoss()) + " -> " + Table.num(t.endLoss()), t.summary().finalValLoss(),
                Table.fmt("%.1f%%", 100 * t.summary().finalAccuracy()));
    }
}
