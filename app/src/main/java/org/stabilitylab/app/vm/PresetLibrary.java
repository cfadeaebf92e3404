package org.stabilitylab.app.vm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stabilitylab.engine.config.BadInputException;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;

/**
 * Shipped presets, the user's saved presets (in the user data folder) and the recently opened
 * ones. Saving never overwrites silently: the caller must ask and pass {@code overwrite}.
 */
public final class PresetLibrary {
    private static final int MAX_RECENT = 8;
    private final Path userDir;
    private final Path recentFile;
    private final ObservableList<String> recent = FXCollections.observableArrayList();
    private final ObservableList<Experiment> saved = FXCollections.observableArrayList();

    public PresetLibrary(Path userDir, Path recentFile) {
        this.userDir = userDir;
        this.recentFile = recentFile;
        readRecent();
        refreshSaved();
    }

    public List<Experiment> shipped() {
        return Presets.shipped();
    }

    /** The user's saved presets, as last read from the folder. */
    public ObservableList<Experiment> saved() {
        return saved;
    }

    /** Recently opened presets: shipped names or file paths, newest first. */
    public ObservableList<String> recent() {
        return recent;
    }

    public Path userDir() {
        return userDir;
    }

    /** The file a preset of this name is saved to. */
    public Path fileFor(String name) {
        String safe = name.trim().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return userDir.resolve((safe.isEmpty() ? "preset" : safe) + ".json");
    }

    /**
     * Writes {@code e} under {@code name}; throws {@link FileAlreadyExistsException} when that file exists
     * and {@code overwrite} is false.
     */
    public Path save(Experiment e, String name, boolean overwrite) throws IOException {
        if (name == null || name.isBlank()) {
            throw new BadInputException("name", "a preset needs a name");
        }
        Experiment named = Presets.with(e, "name", name.trim());
        Path file = fileFor(name);
        if (Files.exists(file) && !overwrite) {
            throw new FileAlreadyExistsException(file.toString());
        }
        Files.createDirectories(userDir);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, Presets.toJson(named), StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        remember(file.toString());
        refreshSaved();
        return file;
    }

    /** Loads a shipped preset by name or a preset file, and remembers it as recent. */
    public Experiment open(String fileOrName) {
        Experiment e = Presets.load(fileOrName);
        remember(fileOrName);
        return e;
    }

    /** Re-reads the saved presets folder; files that no longer parse are skipped. */
    public void refreshSaved() {
        List<Experiment> out = new ArrayList<>();
        if (Files.isDirectory(userDir)) {
            try (Stream<Path> s = Files.list(userDir)) {
                for (Path p : s.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    try {
                        out.add(Presets.parse(Files.readString(p), p.toString()));
                    } catch (IOException | RuntimeException ex) {
                        // a broken file stays on disk untouched; it just is not offered
                    }
                }
            } catch (IOException ex) {
                // folder unreadable: offer nothing
            }
        }
        saved.setAll(out);
    }

    private void remember(String fileOrName) {
        recent.remove(fileOrName);
        recent.add(0, fileOrName);
        while (recent.size() > MAX_RECENT) {
            recent.remove(recent.size() - 1);
        }
        try {
            Files.createDirectories(recentFile.getParent());
            Files.write(recentFile, recent, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            // recent list is a convenience; losing it is harmless
        }
    }

    private void readRecent() {
        try {
            if (Files.isRegularFile(recentFile)) {
                Files.readAllLines(recentFile, StandardCharsets.UTF_8).stream()
                        .filter(s -> !s.isBlank()).limit(MAX_RECENT).forEach(recent::add);
            }
        } catch (IOException ex) {
            // start with an empty list
        }
    }
}
