package org.stabilitylab.app.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Help texts from the top-level resources/help folder (explanations of choices, section blurbs). */
public final class Help {
    private static final Properties TEXTS = load("help/explanations.properties");

    private Help() {
    }

    /** The text for {@code key}, or "" when there is none. */
    public static String text(String key) {
        return TEXTS.getProperty(key, "");
    }

    /** Explanation of one choice of a preset key, e.g. ("model.norm", "post"). */
    public static String choice(String key, String choice) {
        return text(key + "." + choice);
    }

    private static Properties load(String path) {
        Properties p = new Properties();
        try (InputStream in = Help.class.getResourceAsStream("/org/stabilitylab/app/" + path)) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
