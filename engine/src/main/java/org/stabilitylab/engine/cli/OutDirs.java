package org.stabilitylab.engine.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.stabilitylab.engine.config.BadInputException;

/** Where output goes when no --out is given: a new timestamped folder under runs/. */
final class OutDirs {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private OutDirs() {
    }

    /** Creates {@code dir}; a folder that cannot be made is bad input naming --out, not a crash. */
    static Path create(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException("--out", "cannot create folder " + dir + " (" + e.getMessage() + ")");
        }
    }

    static Path choose(Args args, String prefix) {
        String out = args.value("--out");
        if (out != null) {
            return Path.of(out);
        }
        Path base = Path.of("runs", prefix + "-" + LocalDateTime.now().format(STAMP));
        Path dir = base;
        for (int i = 2; Files.exists(dir); i++) {
            dir = Path.of(base + "-" + i);
        }
        return dir;
    }
}
