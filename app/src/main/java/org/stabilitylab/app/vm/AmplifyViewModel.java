package org.stabilitylab.app.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stabilitylab.engine.config.BadInputException;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.probe.Amplify;
import org.stabilitylab.engine.probe.AmplifyPoint;

/**
 * The amplification probe: output change at initialisation versus depth for Post-LN, Pre-LN and
 * Admin, measured on a background thread; points arrive on the FX thread through {@code fx}.
 */
public final class AmplifyViewModel {
    private final Executor fx;
    private final StringProperty depths = new SimpleStringProperty("1,2,4,8,16");
    private final IntegerProperty seeds = new SimpleIntegerProperty(2);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanProperty perVariant = new SimpleBooleanProperty(true);
    private final ObservableList<Labelled> points = FXCollections.observableArrayList();
    private Thread worker;

    /** A measured point and the variant it belongs to. */
    public record Labelled(String variant, AmplifyPoint point) {
    }

    public AmplifyViewModel(Executor fx) {
        this.fx = fx;
    }

    /** Comma-separated depths, e.g. "1,2,4,8,16". */
    public StringProperty depthsProperty() {
        return depths;
    }

    public IntegerProperty seedsProperty() {
        return seeds;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0..1 while measuring. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanProperty perVariantProperty() {
        return perVariant;
    }

    public ObservableList<Labelled> points() {
        return points;
    }

    /** Parses the depth list, naming the problem when it is not a list of positive whole numbers. */
    public List<Integer> parseDepths() {
        List<Integer> out = new ArrayList<>();
        for (String part : depths.get().split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                int d = Integer.parseInt(part.trim());
                if (d < 1 || d > 200) {
                    throw new NumberFormatException();
                }
                out.add(d);
            } catch (NumberFormatException ex) {
                throw new BadInputException("depths", "'" + part + "' is not a whole number from 1 to 200");
            }
        }
        if (out.isEmpty()) {
            throw new BadInputException("depths", "give at least one depth, e.g. 1,2,4,8");
        }
        return out;
    }

    /** Starts measuring all three variants on {@code base}; replaces earlier points. */
    public void start(Experiment base) {
        if (running.get()) {
            return;
        }
        List<Integer> ds = parseDepths();
        int k = Math.max(1, seeds.get());
        points.clear();
        progress.set(0);
        running.set(true);
        message.set("Measuring " + ds.size() + " depths x " + k + " seeds x 3 variants...");
        int total = ds.size() * k * Variants.COMPARE.size();
        worker = new Thread(() -> measure(base, ds, k, total), "amplify");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops after the current point; what was measured stays on the chart. */
    public void cancel() {
        Thread t = worker;
        if (t != null) {
            t.interrupt();
        }
    }

    private void measure(Experiment base, List<Integer> ds, int k, int total) {
        int[] done = {0};
        String outcome = "Done.";
        try {
            for (Variants.Variant v : Variants.COMPARE) {
                if (Thread.currentThread().isInterrupted()) {
                    outcome = "Cancelled.";
                    break;
                }
                Experiment e = Variants.apply(base, v);
                Amplify.measure(e, ds, k, p -> {
                    done[0]++;
                    double f = (double) done[0] / total;
                    fx.execute(() -> {
                        points.add(new Labelled(v.label(), p));
                        progress.set(f);
                    });
                });
            }
            if (Thread.currentThread().isInterrupted()) {
                outcome = "Cancelled.";
            }
        } catch (RuntimeException ex) {
            outcome = "Failed: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
        }
        String end = outcome;
        fx.execute(() -> {
            running.set(false);
            message.set(end);
        });
    }
}
