package org.stabilitylab.engine.cli;

import java.io.PrintStream;
import org.stabilitylab.engine.run.RunListener;
import org.stabilitylab.engine.run.StepMetrics;

/** Prints a progress line about twenty times per run, so long runs show they are alive. */
final class Progress implements RunListener {
    private final PrintStream err;
    private final String label;
    private final int total;
    private final int every;
    private double lastValAccuracy = Double.NaN;

    Progress(PrintStream err, String label, int totalSteps) {
        this.err = err;
        this.label = label;
        this.total = totalSteps;
        this.every = Math.max(1, totalSteps / 20);
    }

    @Override
    public void onStep(StepMetrics m) {
        if (!Double.isNaN(m.valAccuracy())) {
            lastValAccuracy = m.valAccuracy();
        }
        if (m.step() % every == 0 || m.step() == total) {
            err.println(Report.fmt("%s step %d/%d  loss %s  val acc %s  %.1f ms/step", label, m.step(), total,
                    Report.number(m.loss()), Report.percent(lastValAccuracy), m.msPerStep()));
        }
    }
}
