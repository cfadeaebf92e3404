package org.stabilitylab.engine.repro;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;
import org.stabilitylab.engine.probe.Amplify;
import org.stabilitylab.engine.probe.AmplifyPoint;

/**
 * Finding 1: the output change under a fixed random weight perturbation, at initialisation, grows about
 * linearly with depth for Post-LN and about logarithmically for Pre-LN and Admin. No training needed.
 */
final class AmplificationFinding implements Finding {
    static final String PRESET = "paper-1-amplification";

    @Override
    public String id() {
        return "1";
    }

    @Override
    public String title() {
        return "Amplification: output change at initialisation versus depth";
    }

    @Override
    public String claim() {
        return "Output change at init grows about linearly with depth for Post-LN, about logarithmically for"
                + " Pre-LN and Admin.";
    }

    @Override
    public String preset() {
        return PRESET;
    }

    /** Held when Post-LN's growth from the shallowest to the deepest model is at least this many times the others'. */
    static final double FACTOR = 2.0;

    @Override
    public FindingResult run(Context ctx) throws Exception {
        Experiment base = Presets.load(PRESET);
        List<Integer> depths = ctx.scale() == Scale.FULL ? List.of(1, 2, 4, 8, 16, 32, 48) : List.of(1, 4, 16);
        int seeds = ctx.scale().pick(3, 2);
        Map<Variant, double[]> mean = new LinkedHashMap<>();
        Table table = new Table("layers", "Post-LN", "Pre-LN", "Admin");
        for (Variant v : Variant.values()) {
            Experiment e = v.apply(base);
            List<AmplifyPoint> points = Amplify.measure(e, depths, seeds, p -> { });
            double[] m = new double[depths.size()];
            for (int i = 0; i < depths.size(); i++) {
                int d = depths.get(i);
                m[i] = points.stream().filter(p -> p.depth() == d).mapToDouble(AmplifyPoint::outputChange)
                        .average().orElse(Double.NaN);
            }
            mean.put(v, m);
            StringBuilder line = new StringBuilder("  amplification " + v.label() + ":");
            for (int i = 0; i < m.length; i++) {
                line.append(' ').append(depths.get(i)).append(" layers ").append(Table.num(m[i]));
            }
            ctx.say(line.toString());
        }
        for (int i = 0; i < depths.size(); i++) {
            table.row(depths.get(i), mean.get(Variant.POST)[i], mean.get(Variant.PRE)[i], mean.get(Variant.ADMIN)[i]);
        }
        int last = depths.size() - 1;
        int deepest = depths.get(last);
        Map<String, Double> numbers = new LinkedHashMap<>();
        Table growth = new Table("variant", "growth " + depths.get(0) + " -> " + deepest + " layers",
                "log-log slope");
        Map<Variant, Double> g = new LinkedHashMap<>();
        for (Variant v : Variant.values()) {
            double[] m = mean.get(v);
            g.put(v, m[last] / m[0]);
            double slope = slope(depths, m);
            growth.row(v.label(), g.get(v), slope);
            numbers.put("growth." + v.name().toLowerCase(), g.get(v));
            numbers.put("slope." + v.name().toLowerCase(), slope);
        }
        double post = g.get(Variant.POST);
        double pre = g.get(Variant.PRE);
        double admin = g.get(Variant.ADMIN);
        boolean held = post >= FACTOR * pre && post >= FACTOR * admin && post >= deepest / 4.0;
        String verdict = Table.fmt("from %d to %d layers the output change grows %.1fx for Post-LN, %.1fx for"
                + " Pre-LN and %.1fx for Admin (%d seeds per point)", depths.get(0), deepest, post, pre, admin, seeds);

        double[] x = depths.stream().mapToDouble(Integer::doubleValue).toArray();
        List<Charts.Series> series = new ArrayList<>();
        for (Variant v : Variant.values()) {
            double[] m = mean.get(v);
            double[] rel = new double[m.length];
            for (int i = 0; i < m.length; i++) {
                rel[i] = m[i] / m[0];
            }
            series.add(new Charts.Series(v.label(), x, rel, v.ordinal(), false, true));
        }
        double[] linear = x.clone();
        double[] log = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            linear[i] = x[i] / x[0];
            log[i] = 1 + Math.log(x[i] / x[0]);
        }
        series.add(new Charts.Series("N (linear)", x, linear, 6, true, false));
        series.add(new Charts.Series("1 + ln N", x, log, 4, true, false));
        String image = "1-amplification.png";
        Charts.line(ctx.out().resolve(image), "Output change at initialisation, relative to 1 layer",
                "layers per stack (N)", "output change / output change at N = " + depths.get(0), false, false, series);

        String body = "Every weight-matrix entry is moved by -eps * sign(N(0,1)) (eps = " + base.probe().eps()
                + ") and the mean squared change of the encoder output on a fixed probe batch is measured at"
                + " initialisation (Admin after profiling). Model: preset `" + PRESET + "` ("
                + base.model().dModel() + "-wide " + base.model().arch().id() + "), " + seeds
                + " seeds per point.\n\n" + table.markdown() + "\n" + growth.markdown()
                + "\nCriterion: Post-LN grows at least " + FACTOR + "x as much as Pre-LN and Admin, and at least N/4"
                + " (about linear). A log-log slope near 1 means linear growth, near 0 logarithmic.\n";
        return new FindingResult(id(), title(), claim(), PRESET, held, verdict, body, List.of(image), numbers, 0);
    }

    /** Least-squares slope of log(change) against log(depth). */
    private static double slope(List<Integer> depths, double[] m) {
        int n = depths.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double lx = Math.log(depths.get(i));
            double ly = Math.log(m[i]);
            sx += lx;
            sy += ly;
            sxx += lx * lx;
            sxy += lx * ly;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }
}
