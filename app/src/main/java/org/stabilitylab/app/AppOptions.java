package org.stabilitylab.app;

import java.nio.file.Path;
import java.util.List;

/**
 * Command-line options, parsed before any window exists so bad input fails fast: the preset to open
 * ({@code --preset NAME|FILE}, or a plain {@code FILE} as the desktop's "open with" passes it),
 * {@code --version}, {@code --help}, and the screenshot mode
 * {@code --screenshot FILE [--steps N] [--compare] [--tab N,M,...|all] [--size WxH]} used for README images.
 */
public record AppOptions(String preset, Path screenshot, int steps, boolean compare, List<Integer> tabs, int width, int height,
                         boolean amplify, boolean presentation, boolean version, boolean help) {

    public static final String USAGE = "usage: stability-lab [FILE | --preset NAME|FILE] [--version] [--help] "
            + "[--screenshot FILE [--steps N] [--compare] [--tab N,M,...|all] [--size WxH] [--amplify] [--present]]";

    public static AppOptions parse(List<String> args) {
        String preset = null;
        Path shot = null;
        int steps = 200;
        boolean compare = false;
        List<Integer> tabs = List.of(0);
        int w = 1500;
        int h = 940;
        boolean amplify = false;
        boolean present = false;
        boolean version = false;
        boolean help = false;
        String positional = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--preset" -> preset = value(args, ++i, a);
                case "--screenshot" -> shot = Path.of(value(args, ++i, a));
                case "--steps" -> steps = number(value(args, ++i, a), a);
                case "--compare" -> compare = true;
                case "--amplify" -> amplify = true;
                case "--present" -> present = true;
                case "--version", "-V" -> version = true;
                case "--help", "-h" -> help = true;
                case "--tab" -> tabs = tabs(value(args, ++i, a), a);
                case "--size" -> {
                    String[] wh = value(args, ++i, a).split("x");
                    if (wh.length != 2) {
                        throw new IllegalArgumentException("--size: expected WIDTHxHEIGHT, e.g. 1500x940");
                    }
                    w = number(wh[0], a);
                    h = number(wh[1], a);
                }
                default -> {
                    if (a.startsWith("-") && a.length() > 1) {
                        throw new IllegalArgumentException("unknown option '" + a + "'\n" + USAGE);
                    }
                    if (positional != null) {
                        throw new IllegalArgumentException("one preset FILE at a time, got '" + positional
                                + "' and '" + a + "'\n" + USAGE);
                    }
                    positional = a;
                }
            }
        }
        if (positional != null && preset != null) {
            throw new IllegalArgumentException("give either --preset or a preset FILE, not both\n" + USAGE);
        }
        if (positional != null) {
            preset = positional;
        }
        return new AppOptions(preset, shot, steps, compare, tabs, w, h, amplify, present, version, help);
    }

    /** "all" is an empty list: every tab. */
    private static List<Integer> tabs(String s, String option) {
        if ("all".equals(s)) {
            return List.of();
        }
        List<Integer> out = new java.util.ArrayList<>();
        for (String part : s.split(",")) {
            out.add(number(part, option));
        }
        return out;
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + ": missing value\n" + USAGE);
        }
        return args.get(i);
    }

    private static int number(String s, String option) {
        try {
            int n = Integer.parseInt(s.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + s + "' is not a whole number >= 0");
        }
    }
}
