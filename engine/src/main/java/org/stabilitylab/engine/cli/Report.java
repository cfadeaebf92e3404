package org.stabilitylab.engine.cli;

import java.util.Locale;
import org.stabilitylab.engine.run.RunStatus;
import org.stabilitylab.engine.run.RunSummary;

/** Human-readable one-liners for run outcomes, shared by run and sweep. */
final class Report {
    private Report() {
    }

    static String outcome(RunSummary s) {
        StringBuilder sb = new StringBuilder(s.status().name());
        if (s.diverged() && s.divergedAtStep() != null) {
            sb.append(" at step ").append(s.divergedAtStep());
        }
        if (s.reason() != null && !s.reason().isEmpty() && s.status() != RunStatus.DONE) {
            sb.append(" (").append(s.reason()).append(')');
        }
        sb.append(fmt(", %d steps in %.1f s (%.1f ms/step)", s.steps(), s.wallSeconds(), s.msPerStep()));
        return sb.toString();
    }

    static String losses(RunSummary s) {
        return fmt("final loss %s, best %s, val loss %s, val accuracy %s", number(s.finalLoss()),
                number(s.bestLoss()), number(s.finalValLoss()), percent(s.finalAccuracy()));
    }

    static String number(double v) {
        return Double.isNaN(v) ? "-" : fmt("%.4g", v);
    }

    static String percent(double v) {
        return Double.isNaN(v) ? "-" : fmt("%.1f%%", 100 * v);
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
