package org.stabilitylab.engine.repro;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;

/**
 * Post-LN, Pre-LN and Admin (or a subset) trained on the same base experiment and seeds, with the
 * table and loss chart every training finding shows. Why one helper: equal settings are the point.
 */
final class Contest {
    final Experiment base;
    final Map<Variant, List<Trained>> runs;

    private Contest(Experiment base, Map<Variant, List<Trained>> runs) {
        this.base = base;
        this.runs = runs;
    }

    /** Trains every variant with seeds base.seed() .. base.seed()+seeds-1 (all submitted at once). */
    static Contest train(Lab lab, Experiment base, List<Variant> variants, int seeds) {
        List<Experiment> all = new ArrayList<>();
        for (int k = 0; k < seeds; k++) {
            for (Variant v : variants) {
                all.add(Presets.with(v.apply(base), "seed", Long.toString(base.seed() + k)));
            }
        }
        List<Trained> done = lab.train(all);
        Map<Variant, List<Trained>> runs = new EnumMap<>(Variant.class);
        for (int i = 0; i < all.size(); i++) {
            runs.computeIfAbsent(variants.get(i % variants.size()), v -> new ArrayList<>()).add(done.get(i));
        }
        return new Contest(base, runs);
    }

    List<Trained> of(Variant v) {
        return runs.get(v);
    }

    /** The loss of always guessing uniformly over the output symbols: where an untrained model sits. */
    double uniformLoss() {
        return Math.log(base.task().vocab() + 1);
    }

    static double meanValLoss(List<Trained> runs) {
        return runs.stream().mapToDouble(t -> t.diverged() ? Double.NaN : t.summary().finalValLoss()).average()
                .orElse(Double.NaN);
    }

    static double meanAccuracy(List<Trained> runs) {
        return runs.stream().mapToDouble(t -> t.diverged() ? Double.NaN : t.summary().finalAccuracy()).average()
                .orElse(Double.NaN);
    }

    /** One row per run: variant, seed, outcome, losses, accuracy, time. */
    String table() {
        Table t = new Table("variant", "seed", "outcome", "train loss start -> end", "val loss", "val accuracy",
                "time");
        runs.forEach((v, list) -> {
            for (Trained r : list) {
                String outcome = r.summary().status().name() + (r.summary().divergedAtStep() != null
                        ? " at step " + r.summary().divergedAtStep() : "");
                t.row(v.label(), r.experiment().seed(), outcome,
                        Table.num(r.startLoss()) + " -> " + Table.num(r.endLoss()),
                        r.summary().finalValLoss(), Table.fmt("%.1f%%", 100 * r.summary().finalAccuracy()),
                        Table.fmt("%.0f s", r.summary().wallSeconds()));
            }
        });
        return t.markdown();
    }

    /** Smoothed training loss of every run; the first seed solid, the others dashed, one colour per variant. */
    void lossChart(Path file, String title) throws IOException {
        List<Charts.Series> series = new ArrayList<>();
        int window = Math.max(1, base.train().steps() / 40);
        runs.forEach((v, list) -> {
            for (int k = 0; k < list.size(); k++) {
                Trained r = list.get(k);
                series.add(new Charts.Series(v.label() + " seed " + r.experiment().seed(), Charts.oneTo(r.loss().length),
                        Charts.smooth(r.loss(), window), v.ordinal(), k > 0, false));
            }
        });
        Charts.line(file, title, "step", "training loss (moving average over " + window + " steps)", false, false,
                series);
    }

    /** The settings a reader needs to rerun it, in one line. */
    String settings() {
        Experiment e = base;
        return Table.fmt("%s, %d+%d layers, d_model %d, %d heads, FFN %d, dropout %s; task %s (vocab %d, length %d);"
                        + " %s lr %s, betas (%s, %s), warmup %d, %s schedule, %d steps, batch %d",
                e.model().arch().id(), e.model().encoderLayers(), e.model().decoderLayers(), e.model().dModel(),
                e.model().heads(), e.model().ffn(), Presets.get(e, "model.dropout"), e.task().kind().id(),
                e.task().vocab(), e.task().length(), e.train().optimizer().id(), Presets.get(e, "train.lr"),
                Presets.get(e, "train.beta1"), Presets.get(e, "train.beta2"), e.train().warmup(),
                e.train().schedule().id(), e.train().steps(), e.train().batch());
    }
}
