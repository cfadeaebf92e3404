package org.stabilitylab.engine.record;

import java.util.ArrayList;
import java.util.List;

/**
 * The one CSV dialect of run records, sweeps and amplify tables: comma separated, a header row,
 * numbers in Java's round-trip form, NaN as an empty cell, infinities as Infinity / -Infinity (a
 * blown-up gradient norm is a result worth keeping), and text quoted only when it must be.
 */
public final class Csv {
    private Csv() {
    }

    public static String cell(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    public static String cell(String text) {
        if (text == null) {
            return "";
        }
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    public static double number(String cell) {
        return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
    }

    /** Splits one line written by {@link #cell}; quoted cells may hold commas and doubled quotes. */
    public static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        cells.add(cur.toString());
        return cells;
    }
}
