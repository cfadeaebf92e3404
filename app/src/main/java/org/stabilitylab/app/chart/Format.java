package org.stabilitylab.app.chart;

/** Short, readable numbers for tables and readouts: 2.314, 0.0123, 3.2e-07, "-" for missing. */
public final class Format {
    private Format() {
    }

    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e5 || a < 1e-3) {
            return String.format("%.2e", v);
        }
        if (a >= 100) {
            return String.format("%.1f", v);
        }
        return String.format("%.4g", v);
    }
}
