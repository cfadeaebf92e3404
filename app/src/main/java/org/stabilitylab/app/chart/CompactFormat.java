package org.stabilitylab.app.chart;

import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/** Axis labels that stay short on log axes: 0.79, 13, 0.0032, 3.2e-5, 1e6 (two significant digits). */
final class CompactFormat extends NumberFormat {
    private final DecimalFormat plain = new DecimalFormat("0.####");
    private final DecimalFormat sci = new DecimalFormat("0.#E0");

    @Override
    public StringBuffer format(double v, StringBuffer out, FieldPosition pos) {
        double a = Math.abs(v);
        if (a == 0 || (a >= 1e-3 && a < 1e5)) {
            // two significant digits: log ticks fall on 10^(k/10), which otherwise print as 0.7943
            double r = new java.math.BigDecimal(v).round(new java.math.MathContext(2)).doubleValue();
            return out.append(plain.format(r));
        }
        return out.append(sci.format(v).replace("E", "e"));
    }

    @Override
    public StringBuffer format(long v, StringBuffer out, FieldPosition pos) {
        return format((double) v, out, pos);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
        return plain.parse(source, pos);
    }
}
