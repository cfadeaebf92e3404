package org.stabilitylab.engine.model;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which OpenBLAS the engine's direct BLAS calls ({@link Blas}) go to: the one nd4j-native bundles
 * (default), or the machine's own when STABILITY_LAB_BLAS is {@code system} or a library file. Why
 * offer the machine's: nd4j-native 1.0.0-M2.1 ships JavaCPP's build of OpenBLAS 0.3.19, and on this
 * project's GEMM shapes Debian's build of 0.3.21 (the library the PyTorch twin links) measured ~10%
 * faster on the Linear products and ~30% on the per-head ones; newer JavaCPP builds (0.3.21 to
 * 0.3.28) measured like 0.3.19, so a newer jar would not help. ND4J's own ops keep their library.
 *
 * <p>How: JavaCPP's OpenBLAS preset can preload another library in place of the bundled one (its
 * {@code org.bytedeco.openblas_nolapack.load} property). The choice is given to it as a symbolic
 * link with a name no bundled resource has, in a directory added to JavaCPP's preload path; this
 * must happen before JavaCPP loads anything ({@link NativeThreads#beforeNd4jLoads}). A request that
 * cannot be honoured is reported on stderr and in {@link #describe}, and the bundled library is used.
 */
public final class BlasLibrary {
    /** The environment variable that picks the library: unset or "bundled", "system", or a file. */
    public static final String ENV = "STABILITY_LAB_BLAS";
    private static final String LINK = "stabilitylab_blas";
    /** The JavaCPP copy of the chosen library lands in a cache folder named after this one. */
    private static final String LINK_DIR = "stability-lab-system-blas";
    /** Where Linux distributions put the default OpenBLAS (Debian's alternatives link first). */
    static final List<Path> SYSTEM_CANDIDATES = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu/libopenblas.so.0"),
            Path.of("/usr/lib/aarch64-linux-gnu/libopenblas.so.0"),
            Path.of("/usr/lib64/libopenblas.so.0"),
            Path.of("/usr/lib/libopenblas.so.0"));

    private static String requestedValue;
    private static Path chosen;
    private static String problem;
    private static boolean prepared;

    private BlasLibrary() {
    }

    /** A resolved request: the library file to load, or why there is none (both null: the default). */
    record Choice(Path library, String problem) {
    }

    /**
     * Resolves a STABILITY_LAB_BLAS value. {@code system} takes the first candidate that exists; a
     * path must name a readable file. Links are followed so the description names the real file.
     */
    static Choice resolve(String value, List<Path> systemCandidates) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("bundled")) {
            return new Choice(null, null);
        }
        String v = value.trim();
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return new Choice(null, "a machine OpenBLAS is supported on Linux only");
        }
        Path file;
        if (v.equalsIgnoreCase("system")) {
            file = systemCandidates.stream().filter(Files::isRegularFile).findFirst().orElse(null);
            if (file == null) {
                return new Choice(null, "no OpenBLAS found (looked for " + systemCandidates
                        + "; on Debian or Ubuntu: apt install libopenblas0)");
            }
        } else {
            try {
                file = Path.of(v);
            } catch (InvalidPathException e) {
                return new Choice(null, "not a file path");
            }
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                return new Choice(null, "no readable library file there");
            }
        }
        try {
            return new Choice(file.toRealPath(), null);
        } catch (IOException e) {
            return new Choice(null, "cannot resolve " + file + ": " + e.getMessage());
        }
    }

    /**
     * Reads STABILITY_LAB_BLAS and, when it names a usable library, points JavaCPP at it. Call once,
     * before any JavaCPP class loads; warnings go to {@code err}.
     */
    static synchronized void prepare(String value, PrintStream err) {
        if (prepared) {
            return;
        }
        prepared = true;
        requestedValue = value;
        Choice c = resolve(value, SYSTEM_CANDIDATES);
        if (c.library() != null) {
            try {
                Path dir = cacheHome().resolve(LINK_DIR);
                Files.createDirectories(dir);
                // a fresh link moved over the old one, so a second process never sees it missing
                Path tmp = dir.resolve("lib" + LINK + ".so." + ProcessHandle.current().pid());
                Files.deleteIfExists(tmp);
                Files.createSymbolicLink(tmp, c.library());
                Files.move(tmp, dir.resolve("lib" + LINK + ".so"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                String key = "org.bytedeco.javacpp.platform.preloadpath";
                String old = System.getProperty(key);
                System.setProperty(key, old == null || old.isEmpty() ? dir.toString()
                        : old + java.io.File.pathSeparator + dir);
                System.setProperty("org.bytedeco.openblas_nolapack.load", LINK);
                chosen = c.library();
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                c = new Choice(null, "cannot link it for JavaCPP: " + e.getMessage());
            }
        }
        if (c.problem() != null) {
            problem = c.problem();
            err.println("warning: " + ENV + "=" + value + ": " + problem + "; using the OpenBLAS bundled with"
                    + " nd4j-native");
        }
    }

    private static Path cacheHome() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    }

    /**
     * The library the direct BLAS calls use, for the bench header: e.g.
     * "OpenBLAS 0.3.19 (bundled)" or "OpenBLAS 0.3.21 (system: /usr/lib/...)". Loads the engine's
     * native libraries when they are not loaded yet.
     */
    public static synchronized String describe() {
        if (!Blas.available()) {
            return "none (ND4J ops only)";
        }
        if (chosen != null) {
            if (!mappedFromLinkDir()) {
                // JavaCPP did not honour the preload: say so rather than name a library not in use
                problem = "JavaCPP loaded the bundled library instead";
                chosen = null;
            } else {
                return versionOf(chosen.getFileName().toString()) + " (system: " + chosen + ")";
            }
        }
        String bundled = "OpenBLAS " + org.bytedeco.openblas.global.openblas_nolapack.OPENBLAS_VERSION.trim()
                .replaceFirst("^OpenBLAS\\s*", "") + " (bundled)";
        return problem == null ? bundled : bundled + "; " + ENV + "=" + requestedValue + " not used: " + problem;
    }

    /** True when this process mapped the copy JavaCPP made of the chosen library (Linux /proc). */
    private static boolean mappedFromLinkDir() {
        try {
            String suffix = "/" + LINK_DIR + "/libopenblas_nolapack.so.0";
            try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
                return lines.anyMatch(l -> l.endsWith(suffix));
            }
        } catch (IOException | RuntimeException e) {
            return true; // cannot tell; the preload either worked or failed loudly
        }
    }

    private static final Pattern VERSION = Pattern.compile("r?(\\d+\\.\\d+\\.\\d+)");

    /** "OpenBLAS 0.3.21" from a file name like libopenblasp-r0.3.21.so, else just "OpenBLAS". */
    static String versionOf(String fileName) {
        Matcher m = VERSION.matcher(fileName);
        return m.find() ? "OpenBLAS " + m.group(1) : "OpenBLAS";
    }
}
