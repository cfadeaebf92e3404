package org.stabilitylab.app.chart;

import java.util.List;
import org.stabilitylab.engine.run.SublayerInfo;

/** Short axis labels for sublayers: "E3 ffn" is the encoder's third sublayer, a feed-forward block. */
public final class SublayerNames {
    private SublayerNames() {
    }

    public static String of(SublayerInfo s) {
        return of(s.stack(), s.sublayer(), s.kind());
    }

    public static String of(String stack, int sublayer, String kind) {
        String k = switch (kind) {
            case "self-attn" -> "attn";
            case "cross-attn" -> "cross";
            default -> kind;
        };
        return (stack.startsWith("enc") ? "E" : "D") + sublayer + " " + k;
    }

    public static String[] all(List<SublayerInfo> subs) {
        return subs.stream().map(SublayerNames::of).toArray(String[]::new);
    }
}
