package org.stabilitylab.app.vm;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.stabilitylab.app.data.RunData;
import org.stabilitylab.app.run.RunHandle;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.run.RunInfo;
import org.stabilitylab.engine.run.RunStatus;
import org.stabilitylab.engine.run.RunSummary;
import org.stabilitylab.engine.run.StepMetrics;

/** One row of the runs list: what the user sees about a run, updated only on the FX thread. */
public final class RunViewModel {
    private final int id;
    private final Experiment experiment;
    private final RunHandle handle; // null for a run reopened from its record
    private final String colour;
    private final RunData data = new RunData();
    private final StringProperty name = new SimpleStringProperty();
    private final ObjectProperty<RunStatus> status = new SimpleObjectProperty<>(RunStatus.CREATED);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("starting");
    private final IntegerProperty step = new SimpleIntegerProperty();
    private final DoubleProperty bestLoss = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty currentLoss = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty msPerStep = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty tokensPerSec = new SimpleDoubleProperty(Double.NaN);
    private final BooleanProperty visible = new SimpleBooleanProperty(true);
    private RunInfo info;
    private RunSummary summary;
    private Path recordDir;

    public RunViewModel(int id, String name, String colour, Experiment experiment, RunHandle handle) {
        this.id = id;
        this.name.set(name);
        this.colour = colour;
        this.experiment = experiment;
        this.handle = handle;
    }

    public int id() {
        return id;
    }

    public Experiment experiment() {
        return experiment;
    }

    public RunHandle handle() {
        return handle;
    }

    /** Hex colour, e.g. "#D55E00", used for this run in every chart. */
    public String colour() {
        return colour;
    }

    public RunData data() {
        return data;
    }

    public RunInfo info() {
        return info;
    }

    public RunSummary summary() {
        return summary;
    }

    public Path recordDir() {
        return recordDir;
    }

    public void setRecordDir(Path recordDir) {
        this.recordDir = recordDir;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public String name() {
        return name.get();
    }

    public ObjectProperty<RunStatus> statusProperty() {
        return status;
    }

    public RunStatus status() {
        return status.get();
    }

    /** "running", "paused", "done", "diverged at step 812", "failed: ..." */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public IntegerProperty stepProperty() {
        return step;
    }

    public DoubleProperty bestLossProperty() {
        return bestLoss;
    }

    public DoubleProperty currentLossProperty() {
        return currentLoss;
    }

    public DoubleProperty msPerStepProperty() {
        return msPerStep;
    }

    public DoubleProperty tokensPerSecProperty() {
        return tokensPerSec;
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    /** True once the run has ended (done, diverged, stopped or failed). */
    public boolean isFinished() {
        return status.get().isFinal();
    }

    void started(RunInfo runInfo) {
        info = runInfo;
        data.setSublayers(runInfo.sublayers());
    }

    void stepped(StepMetrics m) {
        data.add(m);
        step.set(m.step());
        if (Double.isFinite(m.loss())) {
            currentLoss.set(m.loss());
            if (!(bestLoss.get() <= m.loss())) {
                bestLoss.set(m.loss());
            }
        } else {
            currentLoss.set(m.loss());
        }
        msPerStep.set(m.msPerStep());
        tokensPerSec.set(m.tokensPerSec());
    }

    void statusChanged(RunStatus s) {
        if (summary == null) {
            status.set(s);
            statusText.set(describe(s, null));
        }
    }

    void finished(RunSummary s) {
        summary = s;
        status.set(s.status());
        statusText.set(describe(s.status(), s));
        if (s.steps() > 0 && s.msPerStep() > 0) {
            msPerStep.set(s.msPerStep());
        }
        if (Double.isFinite(s.bestLoss())) {
            bestLoss.set(s.bestLoss());
        }
        tokensPerSec.set(Double.NaN);
    }

    private static String describe(RunStatus s, RunSummary summary) {
        return switch (s) {
            case CREATED -> "starting";
            case RUNNING -> "running";
            case PAUSED -> "paused";
            case DONE -> "done";
            case STOPPED -> "stopped";
            case DIVERGED -> summary != null && summary.divergedAtStep() != null
                    ? "diverged at step " + summary.divergedAtStep() : "diverged";
            case FAILED -> summary != null && !summary.reason().isBlank() ? "failed: " + summary.reason() : "failed";
        };
    }
}
