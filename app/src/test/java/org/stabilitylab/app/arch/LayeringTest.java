package org.stabilitylab.app.arch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering rule as a test: no app class refers to ND4J (the app talks to the engine's public API
 * only) and no engine class refers to JavaFX (the engine runs headless). Compiled classes name every
 * type they use in their constant pool, so a byte search of the .class files is exact enough.
 */
class LayeringTest {
    private static final Path APP_CLASSES = Path.of("target", "classes");
    private static final Path ENGINE_CLASSES = Path.of("..", "engine", "target", "classes");
    private static final Path ENGINE_SOURCES = Path.of("..", "engine", "src", "main", "java");

    @Test
    void noAppClassReferencesNd4j() throws IOException {
        List<Path> classes = classFiles(APP_CLASSES);
        assertTrue(classes.size() > 20, "app classes compiled: " + classes.size());
        List<String> offenders = offenders(classes, "org/nd4j", "org/bytedeco");
        assertTrue(offenders.isEmpty(), "app classes that reference ND4J: " + offenders);
    }

    @Test
    void noEngineClassReferencesJavaFx() throws IOException {
        List<String> offenders = new ArrayList<>();
        List<Path> classes = classFiles(ENGINE_CLASSES);
        // JFreeChart's core is plain AWT and renders the reproduce report's PNGs headless; its JavaFX viewer
        // (org.jfree.chart.fx) belongs to the app
        offenders.addAll(offenders(classes, "javafx/", "org/controlsfx", "org/jfree/chart/fx"));
        List<Path> sources = Files.isDirectory(ENGINE_SOURCES) ? files(ENGINE_SOURCES, ".java") : List.of();
        for (Path p : sources) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            if (text.contains("import javafx.") || text.contains("javafx.application")) {
                offenders.add(p.toString());
            }
        }
        assertTrue(classes.size() + sources.size() > 20, "engine classes or sources found");
        assertTrue(offenders.isEmpty(), "engine code that references JavaFX: " + offenders);
    }

    private static List<String> offenders(List<Path> classes, String... needles) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path p : classes) {
            String bytes = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
            for (String n : needles) {
                if (bytes.contains(n)) {
                    out.add(p + " -> " + n);
                }
            }
        }
        return out;
    }

    private static List<Path> classFiles(Path root) throws IOException {
        return Files.isDirectory(root) ? files(root, ".class") : List.of();
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }
}
