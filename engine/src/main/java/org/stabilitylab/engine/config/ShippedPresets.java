package org.stabilitylab.engine.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the presets shipped under /presets on the class path. Class paths cannot be listed, so
 * this looks where the engine's own classes came from: a classes folder or the engine jar.
 */
final class ShippedPresets {
    private static final String FOLDER = "presets/";
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private ShippedPresets() {
    }

    /** Names (file stems) of the shipped presets, sorted. */
    static List<String> names() {
        List<String> names = new ArrayList<>();
        try {
            Path origin = Path.of(ShippedPresets.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(origin)) {
                Path folder = origin.resolve(FOLDER);
                if (Files.isDirectory(folder)) {
                    try (Stream<Path> files = Files.list(folder)) {
                        files.map(p -> p.getFileName().toString()).forEach(f -> addIfPreset(f, names));
                    }
                }
            } else {
                try (ZipFile jar = new ZipFile(origin.toFile())) {
                    Enumeration<? extends ZipEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String entry = entries.nextElement().getName();
                        if (entry.startsWith(FOLDER) && entry.indexOf('/', FOLDER.length()) < 0) {
                            addIfPreset(entry.substring(FOLDER.length()), names);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the shipped presets", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the shipped presets", e);
        }
        names.sort(null);
        return names;
    }

    /** The text of a shipped preset, or null when there is none by that name. */
    static String text(String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            return null;
        }
        try (InputStream in = ShippedPresets.class.getResourceAsStream("/" + FOLDER + name + ".json")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read shipped preset " + name, e);
        }
    }

    private static void addIfPreset(String file, List<String> names) {
        if (file.endsWith(".json")) {
            String stem = file.substring(0, file.length() - ".json".length());
            if (SAFE_NAME.matcher(stem).matches()) {
                names.add(stem);
            }
        }
    }
}
