package org.stabilitylab.engine.config;

import java.util.ArrayList;
import java.util.List;

/** Rules that relate two or more keys; each failure names the key a user should change. */
final class CrossRules {
    private CrossRules() {
    }

    static void check(Draft d) {
        if (d.dModel % d.heads != 0) {
            throw new BadInputException("model.heads", d.heads + " does not divide model.dModel " + d.dModel
                    + "; allowed: " + divisors(d.dModel));
        }
        if (d.init == Init.ADMIN && d.norm != Norm.POST) {
            throw new BadInputException("model.init", "'admin' requires model.norm post (Admin rescales Post-LN's"
                    + " shortcut), but model.norm is '" + d.norm.id() + "'");
        }
        if (d.decoderLayers < 1) {
            throw new BadInputException("model.decoderLayers", d.decoderLayers + " is too few; "
                    + d.arch.id() + " needs at least 1 decoder layer");
        }
    }

    private static String divisors(int n) {
        List<String> out = new ArrayList<>();
        for (int h = 1; h <= Math.min(n, 64); h++) {
            if (n % h == 0) {
                out.add(Integer.toString(h));
            }
        }
        return String.join(", ", out);
    }
}
