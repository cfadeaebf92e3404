package org.stabilitylab.app.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the user's own things live: saved presets, finished runs' records, recent files.
 * $XDG_DATA_HOME/stability-lab, else ~/.local/share/stability-lab; the system property
 * {@code stabilitylab.home} overrides both (tests, portable installs).
 */
public final class UserData {
    private final Path root;

    public UserData(Path root) {
        this.root = root;
    }

    public static UserData standard() {
        String override = System.getProperty("stabilitylab.home");
        if (override != null && !override.isBlank()) {
            return new UserData(Path.of(override));
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return new UserData(base.resolve("stability-lab"));
    }

    public Path root() {
        return root;
    }

    public Path presets() {
        return ensure(root.resolve("presets"));
    }

    public Path runs() {
        return ensure(root.resolve("runs"));
    }

    public Path exports() {
        return ensure(root.resolve("exports"));
    }

    public Path recentFile() {
        ensure(root);
        return root.resolve("recent-presets.txt");
    }

    private static Path ensure(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + dir, e);
        }
        return dir;
    }
}
