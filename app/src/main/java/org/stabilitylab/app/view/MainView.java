package org.stabilitylab.app.view;

import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.stabilitylab.app.chart.Format;
import org.stabilitylab.app.vm.LabViewModel;

/**
 * The window's content: menus and toolbar on top, the experiment form and presets on the left,
 * charts above the runs list in the middle, the lesson on the right, the status bar below.
 */
public final class MainView extends BorderPane {
    private final LabViewModel lab;
    private final ChartBoard board;
    private final RunsTable table;
    private final MainToolbar toolbar;
    private final Notifier notifier;
    private final FileActions files;
    private final FrameDriver driver;
    private final ExperimentPanel form;
    private final LessonPanel lesson;
    private final SplitPane body;
    private final Label backend = new Label("backend: starting...");

    public MainView(LabViewModel lab) {
        this.lab = lab;
        getStyleClass().add("main-view");
        notifier = new Notifier(lab);
        lab.runs().setAlerts(notifier::show);
        board = new ChartBoard(lab);
        files = new FileActions(lab, notifier, board);
        table = new RunsTable(lab.runs(), files::exportRecord);
        toolbar = new MainToolbar(lab);
        form = new ExperimentPanel(lab.form());
        lesson = new LessonPanel(lab.form());
        driver = new FrameDriver(lab.runs(), board);

        PresetsPanel presets = new PresetsPanel(lab, files::openPresetFile, files::savePreset, files::reopen,
                files::open);
        presets.gallery().getItems().stream().filter(e -> e.name().equals(lab.form().loadedProperty().get().name()))
                .findFirst().ifPresent(e -> presets.gallery().getSelectionModel().select(e));
        TabPane left = new TabPane(new Tab("Experiment", form), new Tab("Presets", presets));
        left.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        left.setId("left-tabs");
        left.setMinWidth(290);
        left.setPrefWidth(330);

        SplitPane centre = new SplitPane(board, table);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.74);
        SplitPane.setResizableWithParent(table, false);
        body = new SplitPane(left, centre);
        SplitPane.setResizableWithParent(left, false);
        body.setDividerPositions(0.22);
        lab.lessonVisibleProperty().addListener((o, a, b) -> placeLesson(b));
        placeLesson(lab.lessonVisibleProperty().get());

        setTop(new VBox(menus(), toolbar));
        setCenter(body);
        setBottom(statusBar());
        lab.presentationProperty().addListener((o, a, b) -> presentation(b));
        addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
    }

    private void placeLesson(boolean show) {
        if (show && !body.getItems().contains(lesson)) {
            body.getItems().add(lesson);
            SplitPane.setResizableWithParent(lesson, false);
            body.setDividerPositions(0.22, 0.80);
        } else if (!show) {
            body.getItems().remove(lesson);
        }
    }

    private MenuBar menus() {
        MenuItem open = item("Open preset...", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                files::openPresetFile);
        MenuItem save = item("Save preset...", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
                files::savePreset);
        Menu recent = new Menu("Recent presets");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (String r : lab.presets().recent()) {
                recent.getItems().add(item(r, null, () -> files.open(r)));
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        lab.presets().recent().addListener((javafx.collections.ListChangeListener<String>) c -> fillRecent.run());
        fillRecent.run();
        MenuItem reopen = item("Open run record...", null, files::openRunRecord);
        MenuItem exportAll = item("Export all charts and records...",
                new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), files::exportAllAsk);
        Menu exportOne = new Menu("Export chart (PNG + SVG)");
        board.allCharts().forEach(c -> exportOne.getItems().add(item(c.id(), null, () -> files.exportChart(c))));
        MenuItem exportRecord = item("Export selected run's record...", null,
                () -> files.exportRecord(lab.runs().selectedProperty().get()));
        MenuItem quit = item("Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), Platform::exit);
        Menu file = new Menu("File", null, open, save, recent, new SeparatorMenuItem(), reopen,
                new SeparatorMenuItem(), exportAll, exportOne, exportRecord, new SeparatorMenuItem(), quit);

        MenuItem run = item("Run / Pause (Space)", null, lab::runOrPause);
        MenuItem compare = item("Compare Post-LN / Pre-LN / Admin",
                new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), lab::compare);
        MenuItem step = item("Step", null, lab::step);
        MenuItem stop = item("Stop (Esc)", null, lab::stop);
        MenuItem reset = item("Reset", null, lab::reset);
        Menu runMenu = new Menu("Run", null, run, compare, step, stop, reset);

        MenuItem present = item("Presentation mode", new KeyCodeCombination(KeyCode.F11),
                () -> lab.presentationProperty().set(!lab.presentationProperty().get()));
        MenuItem lessonItem = item("Lesson panel", new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN),
                () -> lab.lessonVisibleProperty().set(!lab.lessonVisibleProperty().get()));
        Menu view = new Menu("View", null, present, lessonItem);

        MenuItem about = item("About", null, () -> AboutDialog.create(getScene() == null ? null : getScene().getWindow(),
                backend.getText()).show());
        Menu help = new Menu("Help", null, about);
        MenuBar bar = new MenuBar(file, runMenu, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private static MenuItem item(String text, KeyCombination key, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (key != null) {
            m.setAccelerator(key);
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("status-bar");
        bar.textProperty().bind(lab.statusProperty());
        Label throughput = new Label();
        throughput.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> lab.runs().throughputProperty().get() > 0
                        ? String.format("%,.0f tokens/s", lab.runs().throughputProperty().get()) : "idle",
                lab.runs().throughputProperty()));
        Label frame = new Label();
        frame.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "chart update " + Format.number(driver.refreshMsProperty().get()) + " ms",
                driver.refreshMsProperty()));
        frame.getStyleClass().add("hint");
        backend.setId("backend-label");
        bar.getRightItems().addAll(throughput, new javafx.scene.control.Separator(Orientation.VERTICAL), frame,
                new javafx.scene.control.Separator(Orientation.VERTICAL), backend);
        return bar;
    }

    /** Space runs or pauses and Esc stops, unless the user is typing in a field. */
    private void keys(KeyEvent e) {
        Node focus = getScene() == null ? null : getScene().getFocusOwner();
        boolean typing = focus instanceof TextInputControl || focus instanceof ComboBox<?>
                || (focus instanceof TableView<?> t && t.getEditingCell() != null);
        if (typing) {
            return;
        }
        if (e.getCode() == KeyCode.SPACE && !e.isShortcutDown()) {
            lab.runOrPause();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            lab.stop();
            e.consume();
        }
    }

    private void presentation(boolean on) {
        if (on) {
            getStyleClass().add("presentation");
        } else {
            getStyleClass().remove("presentation");
        }
        board.setScale(on ? 1.45 : 1.0);
    }

    /** Starts the frame driver and tells the notifier and dialogs which window they belong to. */
    public void attach(javafx.stage.Window window) {
        notifier.setOwner(window);
        files.setOwner(window);
        driver.start();
    }

    public void setBackendText(String text) {
        backend.setText(text);
    }

    public LabViewModel lab() {
        return lab;
    }

    public ChartBoard board() {
        return board;
    }

    public RunsTable table() {
        return table;
    }

    public MainToolbar toolbar() {
        return toolbar;
    }

    public Notifier notifier() {
        return notifier;
    }

    public FileActions files() {
        return files;
    }

    public FrameDriver driver() {
        return driver;
    }
}
