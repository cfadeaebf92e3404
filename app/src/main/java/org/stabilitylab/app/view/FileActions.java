package org.stabilitylab.app.view;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.scene.control.Alert.AlertType;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.stabilitylab.app.chart.HeatmapChart;
import org.stabilitylab.app.chart.LiveChart;
import org.stabilitylab.app.io.ChartExport;
import org.stabilitylab.app.vm.Alert;
import org.stabilitylab.app.vm.LabViewModel;
import org.stabilitylab.app.vm.RunViewModel;
import org.stabilitylab.engine.config.BadInputException;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.record.RunRecord;
import org.stabilitylab.engine.record.RunRecords;

/** The menu's file work: open/save presets, reopen runs, export charts and records; errors become alerts. */
public final class FileActions {
    private final LabViewModel lab;
    private final Notifier notifier;
    private final ChartBoard board;
    private Window owner;

    public FileActions(LabViewModel lab, Notifier notifier, ChartBoard board) {
        this.lab = lab;
        this.notifier = notifier;
        this.board = board;
    }

    public void setOwner(Window owner) {
        this.owner = owner;
    }

    public void openPresetFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open preset");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Presets (*.json, *.stlab)", "*.json", "*.stlab"));
        fc.setInitialDirectory(lab.presets().userDir().toFile());
        File f = fc.showOpenDialog(owner);
        if (f != null) {
            open(f.toString());
        }
    }

    /** Opens a shipped name or preset file into the form. */
    public void open(String fileOrName) {
        try {
            lab.load(lab.presets().open(fileOrName));
        } catch (BadInputException ex) {
            notifier.show(new Alert("Cannot open preset", ex.getMessage(), true));
        }
    }

    /** Ctrl+S: asks for a name, asks again before replacing a file, saves into the user's presets folder. */
    public void savePreset() {
        Experiment e = lab.form().experiment();
        if (e == null) {
            notifier.show(new Alert("Cannot save", lab.form().problemProperty().get(), true));
            return;
        }
        TextInputDialog ask = new TextInputDialog(e.name());
        ask.initOwner(owner);
        ask.setTitle("Save preset");
        ask.setHeaderText("Save the current settings as a preset in\n" + lab.presets().userDir());
        ask.setContentText("Name:");
        Optional<String> name = ask.showAndWait();
        if (name.isEmpty() || name.get().isBlank()) {
            return;
        }
        try {
            save(e, name.get(), false);
        } catch (FileAlreadyExistsException exists) {
            javafx.scene.control.Alert confirm = new javafx.scene.control.Alert(AlertType.CONFIRMATION,
                    "A preset named '" + name.get() + "' exists. Replace it?", ButtonType.YES, ButtonType.NO);
            confirm.initOwner(owner);
            confirm.setHeaderText(null);
            if (confirm.showAndWait().orElse(ButtonType.NO) == ButtonType.YES) {
                try {
                    save(e, name.get(), true);
                } catch (IOException ex) {
                    notifier.show(new Alert("Preset not saved", ex.getMessage(), true));
                }
            }
        } catch (IOException | BadInputException ex) {
            notifier.show(new Alert("Preset not saved", ex.getMessage(), true));
        }
    }

    private void save(Experiment e, String name, boolean overwrite) throws IOException {
        Path p = lab.presets().save(e, name, overwrite);
        lab.statusProperty().set("Saved preset to " + p);
    }

    public void openRunRecord() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Open a run record folder");
        dc.setInitialDirectory(lab.userData().runs().toFile());
        File d = dc.showDialog(owner);
        if (d != null) {
            reopen(d.toPath());
        }
    }

    public void reopen(Path dir) {
        try {
            RunRecord rec = RunRecords.read(dir);
            RunViewModel r = lab.runs().open(rec, dir);
            lab.statusProperty().set("Reopened " + r.name());
        } catch (IOException | RuntimeException ex) {
            notifier.show(new Alert("Cannot reopen run", dir + ": " + ex.getMessage(), true));
        }
    }

    public void exportRecord(RunViewModel r) {
        if (r == null || r.recordDir() == null) {
            notifier.show(new Alert("No record", "This run keeps no record folder.", true));
            return;
        }
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Export " + r.name() + "'s record to...");
        File d = dc.showDialog(owner);
        if (d != null) {
            try {
                Path target = d.toPath().resolve(r.recordDir().getFileName());
                ChartExport.copyRecord(r.recordDir(), target);
                lab.statusProperty().set("Exported the record to " + target);
            } catch (IOException ex) {
                notifier.show(new Alert("Record not exported", ex.getMessage(), true));
            }
        }
    }

    /** Exports one chart as PNG and SVG (same name, two extensions). */
    public void exportChart(LiveChart chart) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export chart");
        fc.setInitialFileName(chart.id() + ".png");
        fc.setInitialDirectory(lab.userData().exports().toFile());
        File f = fc.showSaveDialog(owner);
        if (f != null) {
            String base = f.toString().replaceAll("\\.(png|svg)$", "");
            try {
                board.refreshAll();
                ChartExport.png(chart.chart(), new File(base + ".png"));
                ChartExport.svg(chart.chart(), new File(base + ".svg"));
                lab.statusProperty().set("Exported " + base + ".png and .svg");
            } catch (IOException ex) {
                notifier.show(new Alert("Chart not exported", ex.getMessage(), true));
            }
        }
    }

    /** Ctrl+E: every chart (PNG + SVG) and every visible run's record into one new folder. */
    public Path exportAll(Path parent) {
        Path dir = parent.resolve("comparison-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try {
            java.nio.file.Files.createDirectories(dir);
            board.refreshAll();
            for (LiveChart c : board.allCharts()) {
                if (c instanceof HeatmapChart h && h.shown() == null) {
                    continue;
                }
                ChartExport.png(c.chart(), dir.resolve(c.id() + ".png").toFile());
                ChartExport.svg(c.chart(), dir.resolve(c.id() + ".svg").toFile());
            }
            for (RunViewModel r : board.visibleRuns()) {
                if (r.recordDir() != null) {
                    ChartExport.copyRecord(r.recordDir(), dir.resolve("runs").resolve(r.recordDir().getFileName()));
                }
            }
            lab.statusProperty().set("Exported all charts to " + dir);
            return dir;
        } catch (IOException ex) {
            notifier.show(new Alert("Export failed", ex.getMessage(), true));
            return null;
        }
    }

    public void exportAllAsk() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Export all charts of this comparison into...");
        dc.setInitialDirectory(lab.userData().exports().toFile());
        File d = dc.showDialog(owner);
        if (d != null) {
            exportAll(d.toPath());
        }
    }
}
