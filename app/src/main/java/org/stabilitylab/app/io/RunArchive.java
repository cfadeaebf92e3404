package org.stabilitylab.app.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The folder of finished runs' records (runs/), so nothing the user ran is lost when the app closes. */
public final class RunArchive {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private final Path dir;

    public RunArchive(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** A fresh, empty folder for one run's record, named by time and run name. */
    public Path newRecordDir(String runName) throws IOException {
        String base = LocalDateTime.now().format(STAMP) + "-" + safe(runName);
        Path p = dir.resolve(base);
        for (int i = 2; Files.exists(p); i++) {
            p = dir.resolve(base + "-" + i);
        }
        return Files.createDirectories(p);
    }

    /** Record folders (those holding a run.json), newest first. */
    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> Files.isRegularFile(p.resolve("run.json"))).forEach(out::add);
        } catch (IOException e) {
            return out;
        }
        out.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        return out;
    }

    static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-+", "-");
        s = s.replaceAll("^-|-$", "");
        return s.isEmpty() ? "run" : s.length() > 40 ? s.substring(0, 40) : s;
    }
}
