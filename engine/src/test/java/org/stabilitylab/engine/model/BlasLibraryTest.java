package org.stabilitylab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * STABILITY_LAB_BLAS: how a value resolves to a library file, and, in a separate JVM (JavaCPP reads
 * the choice when it first loads), that the engine's products then really run in the chosen file.
 */
class BlasLibraryTest {
    @TempDir
    Path dir;

    @Test
    void defaultAndBundledMeanTheBundledLibrary() {
        for (String v : new String[] {null, "", "  ", "bundled", " Bundled "}) {
            BlasLibrary.Choice c = BlasLibrary.resolve(v, List.of());
            assertNull(c.library(), v);
            assertNull(c.problem(), v);
        }
        // this JVM made no request, so its direct calls run in the library nd4j-native bundles
        String d = BlasLibrary.describe();
        assertTrue(d.matches("OpenBLAS 0\\.3\\.\\d+ \\(bundled\\)"), d);
    }

    @Test
    void systemTakesTheFirstCandidateThatExistsAndFollowsLinks() throws IOException {
        Path real = Files.writeString(dir.resolve("libopenblasp-r0.3.21.so"), "not really a library");
        Path link = Files.createSymbolicLink(dir.resolve("libopenblas.so.0"), real);
        BlasLibrary.Choice c = BlasLibrary.resolve("system", List.of(dir.resolve("missing.so.0"), link));
        assertEquals(real.toRealPath(), c.library());
        assertNull(c.problem());
        assertEquals("OpenBLAS 0.3.21", BlasLibrary.versionOf(c.library().getFileName().toString()));
        assertEquals("OpenBLAS", BlasLibrary.versionOf("libopenblas.so.0"));
    }

    @Test
    void unusableRequestsSayWhyAndLoadNothing() throws IOException {
        BlasLibrary.Choice none = BlasLibrary.resolve("system", List.of(dir.resolve("a.so"), dir.resolve("b.so")));
        assertNull(none.library());
        assertTrue(none.problem().contains("no OpenBLAS found"), none.problem());
        assertTrue(none.problem().contains("a.so"), none.problem());
        for (String v : new String[] {dir.resolve("absent.so").toString(), dir.toString()}) {
            BlasLibrary.Choice c = BlasLibrary.resolve(v, List.of());
            assertNull(c.library(), v);
            assertTrue(c.problem().contains("no readable library file"), c.problem());
        }
    }

    @Test
    void theCachedThreadSetterReachesTheDirectLibrary() {
        assumeTrue(Blas.available(), "needs the CPU backend");
        try {
            Blas.setThreads(2);
            assertEquals(2, BlasLibraryChild.directLibraryThreads());
            Blas.setThreads(1);
            assertEquals(1, BlasLibraryChild.directLibraryThreads());
        } finally {
            Blas.setThreads(1);
        }
    }

    @Test
    void chosenLibraryRunsTheProducts() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "needs Linux /proc");
        assumeTrue(Blas.available(), "needs the CPU backend");
        // the bundled library's file, copied under a name of its own: the child must map the copy
        Path bundled;
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            bundled = maps.filter(l -> l.endsWith("/libopenblas_nolapack.so.0")).map(l -> Path.of(l.substring(l.indexOf('/'))))
                    .findFirst().orElse(null);
        }
        assumeTrue(bundled != null, "bundled OpenBLAS not found in this process's maps");
        Path copy = Files.copy(bundled, dir.resolve("libopenblas-test-r9.8.7.so"));

        String out = child(Map.of("STABILITY_LAB_BLAS", copy.toString()));
        assertTrue(out.contains("BLAS OpenBLAS 9.8.7 (system: " + copy.toRealPath() + ")"), out);
        assertTrue(out.contains("THREADS 1\n"), out);
        double err = Double.parseDouble(out.replaceAll("(?s).*ERROR ([0-9.Ee-]+).*", "$1"));
        assertTrue(err < 1e-4, out);

        String bad = child(Map.of("STABILITY_LAB_BLAS", dir.resolve("nothing.so").toString()));
        assertTrue(bad.contains("warning: STABILITY_LAB_BLAS=" + dir.resolve("nothing.so")
                + ": no readable library file there; using the OpenBLAS bundled with nd4j-native"), bad);
        assertTrue(bad.matches("(?s).*BLAS OpenBLAS 0\\.3\\.\\d+ \\(bundled\\); STABILITY_LAB_BLAS=.* not used: .*"), bad);
        assertTrue(bad.contains("ERROR "), bad);
    }

    /** Runs {@link BlasLibraryChild} with its own JavaCPP cache and link folder; returns stdout + stderr. */
    private String child(Map<String, String> env) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx512m",
                "-Dorg.bytedeco.javacpp.cachedir=" + dir.resolve("javacpp"),
                "-cp", System.getProperty("java.class.path"), BlasLibraryChild.class.getName());
        pb.environment().putAll(env);
        pb.environment().put("XDG_CACHE_HOME", dir.resolve("xdg").toString());
        pb.environment().remove("OMP_NUM_THREADS"); // the thread count must come from the engine itself
        pb.environment().remove("OPENBLAS_NUM_THREADS");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child did not finish");
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
