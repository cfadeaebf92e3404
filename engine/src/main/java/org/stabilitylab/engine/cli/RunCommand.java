package org.stabilitylab.engine.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.record.RunRecordWriter;
import org.stabilitylab.engine.run.RunStatus;
import org.stabilitylab.engine.run.RunSummary;
import org.stabilitylab.engine.run.TrainingRun;

/** Trains one experiment and writes its run record. */
final class RunCommand implements Command {
    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "train one experiment and write its run record";
    }

    @Override
    public String usage() {
        return "usage: run --preset FILE|NAME [--set key=value]... [--steps N] [--seed S] [--out DIR] [--quiet]\n"
                + ExperimentOptions.USAGE
                + "  --out DIR            record folder (default runs/NAME-TIMESTAMP)\n"
                + "  --quiet              no progress lines on stderr\n";
    }

    @Override
    public Set<String> valuedOptions() {
        Set<String> s = new HashSet<>(ExperimentOptions.VALUED);
        s.add("--out");
        return s;
    }

    @Override
    public Set<String> flags() {
        return Set.of("--quiet");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) {
        Experiment e = ExperimentOptions.from(args);
        Path dir = OutDirs.choose(args, e.name());
        Outcome outcome = train(e, dir, args.has("--quiet") ? null : err, e.name());
        RunSummary s = outcome.summary();
        out.println(e.name() + ": " + Report.outcome(s));
        out.println("  " + Report.losses(s));
        out.println("  record: " + dir);
        if (outcome.writeError() != null) {
            err.println("error: the run record is incomplete: " + outcome.writeError());
            return Main.FAILED;
        }
        return s.status() == RunStatus.FAILED ? Main.FAILED : Main.OK;
    }

    /** One training run to completion with its record in {@code dir}; progress to {@code progress} if not null. */
    static Outcome train(Experiment e, Path dir, PrintStream progress, String label) {
        TrainingRun run = new TrainingRun(e);
        RunRecordWriter writer = new RunRecordWriter(OutDirs.create(dir));
        run.addListener(writer);
        if (progress != null) {
            run.addListener(new Progress(progress, label, e.train().steps()));
        }
        RunSummary summary = run.runBlocking();
        return new Outcome(summary, writer.failure().map(Exception::toString).orElse(null));
    }

    record Outcome(RunSummary summary, String writeError) {
    }
}
