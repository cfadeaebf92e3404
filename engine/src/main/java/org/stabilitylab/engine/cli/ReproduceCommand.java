package org.stabilitylab.engine.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.stabilitylab.engine.repro.FindingResult;
import org.stabilitylab.engine.repro.Reproduction;
import org.stabilitylab.engine.repro.Scale;

/** Runs every finding of the paper and writes report.md (with PNG charts) and findings.json. */
final class ReproduceCommand implements Command {
    @Override
    public String name() {
        return "reproduce";
    }

    @Override
    public String summary() {
        return "run every finding of the paper; report.md with charts, held / not held";
    }

    @Override
    public String usage() {
        return "usage: reproduce [--quick] [--threads N] [--out DIR]\n"
                + "  --quick              reduced version for CI (fewer seeds, steps and depths; a few minutes)\n"
                + "  --threads N          trainings at a time (default 2)\n"
                + "  --out DIR            report folder (default runs/reproduce-TIMESTAMP)\n";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("--out", "--threads");
    }

    @Override
    public Set<String> flags() {
        return Set.of("--quick");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        Scale scale = args.has("--quick") ? Scale.QUICK : Scale.FULL;
        int threads = args.integer("--threads", 2, 1, 64);
        Path dir = OutDirs.create(OutDirs.choose(args, "reproduce"));
        List<FindingResult> results = Reproduction.run(scale, dir, threads, err);
        for (FindingResult r : results) {
            out.println(Report.fmt("%-3s %-9s %s", r.id(), r.held() ? "HELD" : "NOT HELD", r.title()));
        }
        out.println("report: " + dir.resolve("report.md"));
        return Main.OK;
    }
}
