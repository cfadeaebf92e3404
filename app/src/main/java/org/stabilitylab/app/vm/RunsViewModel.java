package org.stabilitylab.app.vm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stabilitylab.app.io.RunArchive;
import org.stabilitylab.app.run.RunEvent;
import org.stabilitylab.app.run.RunFeed;
import org.stabilitylab.app.run.RunHandle;
import org.stabilitylab.app.run.RunSource;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.record.RunRecord;
import org.stabilitylab.engine.record.RunRecordWriter;
import org.stabilitylab.engine.run.RunStatus;

/**
 * The runs on the bench and the toolbar's actions on them. Worker threads only enqueue events;
 * {@link #drain()} applies them on the FX thread once per frame. Usable without a window.
 */
public final class RunsViewModel {
    public static final int MAX_RUNS = 6;

    private final RunSource source;
    private final RunArchive archive;
    private final Queue<RunEvent> queue = new ConcurrentLinkedQueue<>();
    private final ObservableList<RunViewModel> runs = FXCollections.observableArrayList(
            r -> new Observable[] {r.visibleProperty(), r.nameProperty(), r.statusProperty()});
    private final ObjectProperty<RunViewModel> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper();
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final DoubleProperty throughput = new SimpleDoubleProperty();
    private Consumer<Alert> alerts = a -> { };
    private int nextId = 1;

    /** @param archive where finished runs' records go; null keeps no records */
    public RunsViewModel(RunSource source, RunArchive archive) {
        this.source = source;
        this.archive = archive;
    }

    public ObservableList<RunViewModel> runs() {
        return runs;
    }

    public ObjectProperty<RunViewModel> selectedProperty() {
        return selected;
    }

    /** True while some run has not ended yet. */
    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** True while the user has the live runs paused. */
    public BooleanProperty pausedProperty() {
        return paused;
    }

    /** Target tokens per second summed over running runs. */
    public DoubleProperty throughputProperty() {
        return throughput;
    }

    public void setAlerts(Consumer<Alert> alerts) {
        this.alerts = alerts;
    }

    /** Starts one run of {@code e}. */
    public RunViewModel run(Experiment e) {
        return start(List.of(e), List.of(Variants.label(e) + " · " + e.name()), false).get(0);
    }

    /** Starts Post-LN, Pre-LN and Admin on {@code base}: same seed, every other setting equal. */
    public List<RunViewModel> compare(Experiment base) {
        List<Experiment> es = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Variants.Variant v : Variants.COMPARE) {
            es.add(Variants.apply(base, v));
            names.add(v.label() + " · " + base.name());
        }
        return start(es, names, false);
    }

    /** Pauses the live runs, or resumes them when paused. */
    public void pauseOrResume() {
        boolean pause = !paused.get();
        for (RunViewModel r : liveRuns()) {
            if (pause) {
                r.handle().pause();
            } else {
                r.handle().resume();
            }
        }
        paused.set(pause && !liveRuns().isEmpty());
    }

    /** One optimiser step on every live run (they stay paused); with none live, starts {@code e} paused for one step. */
    public void step(Experiment e) {
        List<RunViewModel> live = liveRuns();
        if (live.isEmpty()) {
            live = start(List.of(e), List.of(Variants.label(e) + " · " + e.name()), true);
        }
        for (RunViewModel r : live) {
            r.handle().stepOnce();
        }
        paused.set(true);
    }

    /** Stops every live run after its current step. */
    public void stop() {
        for (RunViewModel r : liveRuns()) {
            r.handle().stop();
        }
        paused.set(false);
    }

    /** Stops everything and clears the bench. */
    public void reset() {
        stop();
        runs.clear();
        selected.set(null);
        updateLive();
    }

    /** Removes a run from the bench, stopping it first when it is still going. */
    public void remove(RunViewModel r) {
        if (r.handle() != null && !r.isFinished()) {
            r.handle().stop();
        }
        runs.remove(r);
        if (selected.get() == r) {
            selected.set(runs.isEmpty() ? null : runs.get(runs.size() - 1));
        }
        updateLive();
    }

    /** Adds a finished run read back from its record folder. */
    public RunViewModel open(RunRecord record, Path dir) {
        makeRoom(1);
        Experiment e = record.experiment();
        RunViewModel r = new RunViewModel(nextId++, Variants.label(e) + " · " + e.name() + " (saved)",
                nextColour(), e, null);
        r.setRecordDir(dir);
        if (record.info() != null) {
            r.started(record.info());
        }
        record.steps().forEach(r::stepped);
        if (record.summary() != null) {
            r.finished(record.summary());
        }
        runs.add(r);
        selected.set(r);
        return r;
    }

    /**
     * Applies everything the runs reported since the last call; FX thread only.
     *
     * @return true when something changed (charts need a refresh)
     */
    public boolean drain() {
        boolean changed = false;
        RunEvent ev;
        while ((ev = queue.poll()) != null) {
            RunViewModel r = byId(ev.runId());
            if (r == null) {
                continue; // removed meanwhile
            }
            changed = true;
            if (ev instanceof RunEvent.Started s) {
                r.started(s.info());
            } else if (ev instanceof RunEvent.Step s) {
                r.stepped(s.metrics());
            } else if (ev instanceof RunEvent.Status s) {
                r.statusChanged(s.status());
            } else if (ev instanceof RunEvent.Finished f) {
                r.finished(f.summary());
                announce(r);
            }
        }
        if (changed) {
            updateLive();
        }
        return changed;
    }

    private void announce(RunViewModel r) {
        RunStatus s = r.status();
        if (s == RunStatus.DIVERGED) {
            alerts.accept(new Alert(r.name() + " diverged",
                    r.statusTextProperty().get() + (r.summary().reason().isBlank() ? "" : ": " + r.summary().reason()),
                    false));
        } else if (s == RunStatus.FAILED) {
            alerts.accept(new Alert(r.name() + " failed", r.summary().reason(), true));
        }
    }

    private List<RunViewModel> start(List<Experiment> experiments, List<String> names, boolean paused0) {
        makeRoom(experiments.size());
        List<RunViewModel> started = new ArrayList<>();
        for (int i = 0; i < experiments.size(); i++) {
            Experiment e = experiments.get(i);
            RunHandle h = source.create(e);
            int id = nextId++;
            RunViewModel r = new RunViewModel(id, unique(names.get(i)), nextColour(), e, h);
            h.addListener(new RunFeed(id, queue));
            attachRecord(r, h);
            runs.add(r);
            started.add(r);
        }
        for (RunViewModel r : started) {
            r.handle().start(paused0);
        }
        selected.set(started.get(0));
        paused.set(paused0);
        updateLive();
        return started;
    }

    private void attachRecord(RunViewModel r, RunHandle h) {
        if (archive == null) {
            return;
        }
        try {
            Path dir = archive.newRecordDir(r.name());
            h.addListener(new RunRecordWriter(dir));
            r.setRecordDir(dir);
        } catch (IOException | RuntimeException ex) {
            alerts.accept(new Alert("Run record not kept", ex.getMessage(), true));
        }
    }

    /** Removes the oldest ended runs until {@code needed} more fit; refuses when live runs fill the bench. */
    private void makeRoom(int needed) {
        while (runs.size() + needed > MAX_RUNS) {
            RunViewModel oldest = runs.stream().filter(RunViewModel::isFinished).findFirst().orElse(null);
            if (oldest == null) {
                throw new IllegalStateException("At most " + MAX_RUNS
                        + " runs fit on the bench; stop or remove a run first.");
            }
            runs.remove(oldest);
        }
    }

    private String nextColour() {
        Set<String> used = new HashSet<>();
        runs.forEach(r -> used.add(r.colour()));
        return RunPalette.nextFree(used);
    }

    private String unique(String name) {
        String n = name;
        for (int i = 2; names().contains(n); i++) {
            n = name + " #" + i;
        }
        return n;
    }

    private Set<String> names() {
        Set<String> s = new HashSet<>();
        runs.forEach(r -> s.add(r.name()));
        return s;
    }

    private RunViewModel byId(int id) {
        for (RunViewModel r : runs) {
            if (r.id() == id) {
                return r;
            }
        }
        return null;
    }

    private List<RunViewModel> liveRuns() {
        return runs.stream().filter(r -> r.handle() != null && !r.isFinished()).toList();
    }

    private void updateLive() {
        List<RunViewModel> l = liveRuns();
        live.set(!l.isEmpty());
        if (l.isEmpty()) {
            paused.set(false);
        }
        double tps = 0;
        for (RunViewModel r : l) {
            double t = r.tokensPerSecProperty().get();
            if (Double.isFinite(t) && r.status() == RunStatus.RUNNING) {
                tps += t;
            }
        }
        throughput.set(tps);
    }
}
