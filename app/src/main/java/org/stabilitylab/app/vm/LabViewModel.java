package org.stabilitylab.app.vm;

import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.stabilitylab.app.io.RunArchive;
import org.stabilitylab.app.io.UserData;
import org.stabilitylab.app.run.RunSource;
import org.stabilitylab.engine.config.Experiment;

/**
 * The whole window's state behind the views: the experiment form, the runs, the presets, the
 * amplification probe and display settings, plus the toolbar actions that tie them together.
 */
public final class LabViewModel {
    private final ExperimentFormModel form;
    private final RunsViewModel runs;
    private final PresetLibrary presets;
    private final AmplifyViewModel amplify;
    private final UserData userData;
    private final BooleanProperty presentation = new SimpleBooleanProperty();
    private final BooleanProperty lessonVisible = new SimpleBooleanProperty(true);
    private final StringProperty status = new SimpleStringProperty("Ready");
    private final BooleanBinding runDisabled;

    public LabViewModel(RunSource source, UserData userData, Experiment initial, Executor fx) {
        this.userData = userData;
        this.form = new ExperimentFormModel(initial);
        this.runs = new RunsViewModel(source, new RunArchive(userData.runs()));
        this.presets = new PresetLibrary(userData.presets(), userData.recentFile());
        this.amplify = new AmplifyViewModel(fx);
        runs.liveProperty().addListener((o, was, now) -> {
            if (was && !now) {
                status.set("Finished: " + runs.runs().stream().map(r -> r.name() + " " + r.statusTextProperty().get())
                        .collect(java.util.stream.Collectors.joining("; ")));
            }
        });
        this.runDisabled = Bindings.createBooleanBinding(() -> form.experiment() == null, form.experimentProperty());
    }

    public ExperimentFormModel form() {
        return form;
    }

    public RunsViewModel runs() {
        return runs;
    }

    public PresetLibrary presets() {
        return presets;
    }

    public AmplifyViewModel amplify() {
        return amplify;
    }

    public UserData userData() {
        return userData;
    }

    public BooleanProperty presentationProperty() {
        return presentation;
    }

    public BooleanProperty lessonVisibleProperty() {
        return lessonVisible;
    }

    /** The status bar's text. */
    public StringProperty statusProperty() {
        return status;
    }

    /** True while the form holds a bad value: Run and Compare are then disabled. */
    public BooleanBinding runDisabledProperty() {
        return runDisabled;
    }

    /** Starts one run of the form's experiment; false (with the reason in the status) when it cannot. */
    public boolean run() {
        Experiment e = form.experiment();
        if (e == null) {
            status.set("Cannot run: " + form.problemProperty().get());
            return false;
        }
        return attempt(() -> {
            RunViewModel r = runs.run(e);
            status.set("Started " + r.name());
        });
    }

    /** Starts Post-LN, Pre-LN and Admin with the form's settings. */
    public boolean compare() {
        Experiment e = form.experiment();
        if (e == null) {
            status.set("Cannot compare: " + form.problemProperty().get());
            return false;
        }
        return attempt(() -> {
            List<RunViewModel> rs = runs.compare(e);
            status.set("Comparing " + rs.size() + " runs: Post-LN, Pre-LN and Admin, seed " + e.seed());
        });
    }

    /** Space: starts a run when none is live, else pauses or resumes. */
    public void runOrPause() {
        if (runs.liveProperty().get()) {
            runs.pauseOrResume();
            status.set(runs.pausedProperty().get() ? "Paused" : "Running");
        } else {
            run();
        }
    }

    public void step() {
        Experiment e = form.experiment();
        if (e == null && !runs.liveProperty().get()) {
            status.set("Cannot step: " + form.problemProperty().get());
            return;
        }
        attempt(() -> runs.step(e));
    }

    public void stop() {
        runs.stop();
        status.set("Stopping");
    }

    public void reset() {
        runs.reset();
        status.set("Cleared the bench");
    }

    /** Loads a preset into the form (runs on the bench stay). */
    public void load(Experiment e) {
        form.load(e);
        status.set("Loaded preset " + e.name());
    }

    private boolean attempt(Runnable action) {
        try {
            action.run();
            return true;
        } catch (IllegalStateException ex) {
            status.set(ex.getMessage());
            return false;
        }
    }
}
