package org.stabilitylab.engine.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.stabilitylab.engine.config.BadInputException;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.probe.Amplify;
import org.stabilitylab.engine.probe.AmplifyPoint;
import org.stabilitylab.engine.record.Csv;

/** Measures output change at initialisation versus depth (the amplification effect) into amplify.csv. */
final class AmplifyCommand implements Command {
    static final String HEADER = "depth,seed,norm,init,outputChange";
    private static final int MAX_DEPTH = 64;

    @Override
    public String name() {
        return "amplify";
    }

    @Override
    public String summary() {
        return "output change at initialisation versus depth; amplify.csv";
    }

    @Override
    public String usage() {
        return "usage: amplify --preset FILE|NAME --depths 1,2,4,... [--seeds K] [--set key=value]... [--seed S]"
                + " [--out DIR] [--quiet]\n"
                + ExperimentOptions.USAGE
                + "  --depths 1,2,4       layers per stack to measure (each 1.." + MAX_DEPTH + ")\n"
                + "  --seeds K            seeds S..S+K-1 per depth (default 1)\n"
                + "  --out DIR            folder for amplify.csv (default runs/amplify-NAME-TIMESTAMP)\n"
                + "  --quiet              no progress lines on stderr\n";
    }

    @Override
    public Set<String> valuedOptions() {
        Set<String> s = new HashSet<>(ExperimentOptions.VALUED);
        s.addAll(Set.of("--depths", "--seeds", "--out"));
        return s;
    }

    @Override
    public Set<String> flags() {
        return Set.of("--quiet");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws IOException {
        Experiment base = ExperimentOptions.from(args);
        List<Integer> depths = depths(args.require("--depths", "a list of depths, e.g. --depths 1,2,4,8"));
        int seeds = args.integer("--seeds", 1, 1, 1000);
        Path dir = OutDirs.choose(args, "amplify-" + base.name());
        OutDirs.create(dir);
        boolean quiet = args.has("--quiet");
        int total = depths.size() * seeds;
        List<AmplifyPoint> points;
        try (BufferedWriter csv = Files.newBufferedWriter(dir.resolve("amplify.csv"), StandardCharsets.UTF_8)) {
            csv.write(HEADER + "\n");
            csv.flush();
            List<AmplifyPoint> seen = new ArrayList<>();
            points = Amplify.measure(base, depths, seeds, p -> {
                seen.add(p);
                try {
                    csv.write(p.depth() + "," + p.seed() + "," + Csv.cell(p.norm()) + "," + Csv.cell(p.init()) + ","
                            + Csv.cell(p.outputChange()) + "\n");
                    csv.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (!quiet) {
                    err.println(Report.fmt("[%d/%d] depth %d seed %d: output change %s", seen.size(), total,
                            p.depth(), p.seed(), Report.number(p.outputChange())));
                }
            });
        }
        out.print(table(base, depths, points));
        out.println("amplify.csv: " + dir.resolve("amplify.csv"));
        return Main.OK;
    }

    static List<Integer> depths(String text) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            try {
                int d = Integer.parseInt(part.strip());
                if (d >= 1 && d <= MAX_DEPTH) {
                    if (!out.contains(d)) {
                        out.add(d);
                    }
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new BadInputException("--depths", "'" + part + "' is not a depth in 1.." + MAX_DEPTH
                    + "; give e.g. 1,2,4,8");
        }
        return out;
    }

    /** Mean, min and max output change per depth over the seeds. */
    private static String table(Experiment base, List<Integer> depths, List<AmplifyPoint> points) {
        StringBuilder sb = new StringBuilder(Report.fmt("output change at init, norm %s, init %s%n",
                base.model().norm().id(), base.model().init().id()));
        sb.append(Report.fmt("%6s  %12s  %12s  %12s%n", "depth", "mean", "min", "max"));
        for (int depth : depths) {
            double[] v = points.stream().filter(p -> p.depth() == depth).mapToDouble(AmplifyPoint::outputChange)
                    .toArray();
            if (v.length == 0) {
                continue;
            }
            double mean = Arrays.stream(v).average().orElse(Double.NaN);
            double min = Arrays.stream(v).min().orElse(Double.NaN);
            double max = Arrays.stream(v).max().orElse(Double.NaN);
            sb.append(Report.fmt("%6d  %12.4e  %12.4e  %12.4e%n", depth, mean, min, max));
        }
        return sb.toString();
    }
}
