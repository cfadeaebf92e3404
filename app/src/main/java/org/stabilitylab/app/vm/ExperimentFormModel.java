package org.stabilitylab.app.vm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.stabilitylab.engine.config.BadInputException;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.KeyInfo;
import org.stabilitylab.engine.config.Presets;

/**
 * The experiment form's state: one text value per preset key, checked by the engine's own
 * validation as the user types, with the error shown at the field it concerns. {@link #experimentProperty()}
 * holds the experiment to run, or null while some field is bad (which disables Run).
 */
public final class ExperimentFormModel {
    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    private final Map<String, ReadOnlyStringWrapper> errors = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<Experiment> loaded = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Experiment> experiment = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper modified = new ReadOnlyBooleanWrapper();
    private boolean loading;

    public ExperimentFormModel(Experiment initial) {
        for (String key : Presets.keys()) {
            StringProperty p = new SimpleStringProperty("");
            p.addListener((o, a, b) -> {
                if (!loading) {
                    recompute();
                }
            });
            values.put(key, p);
            errors.put(key, new ReadOnlyStringWrapper(""));
        }
        load(initial);
    }

    /** Every key the engine accepts, in the engine's order. */
    public List<String> keys() {
        return List.copyOf(values.keySet());
    }

    public KeyInfo info(String key) {
        return Presets.info(key);
    }

    public StringProperty value(String key) {
        return Objects.requireNonNull(values.get(key), key);
    }

    /** The message for this field ("'x' is not a number"), or "" when it is fine. */
    public ReadOnlyStringProperty error(String key) {
        return errors.get(key).getReadOnlyProperty();
    }

    /** The experiment the form describes, or null while a field is bad. */
    public ReadOnlyObjectProperty<Experiment> experimentProperty() {
        return experiment.getReadOnlyProperty();
    }

    public Experiment experiment() {
        return experiment.get();
    }

    /** The preset as it was loaded, before any edits. */
    public ReadOnlyObjectProperty<Experiment> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** "model.heads: 3 does not divide d_model 32" for the first bad field, or "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty modifiedProperty() {
        return modified.getReadOnlyProperty();
    }

    /** Fills every field from {@code e} and clears all errors. */
    public void load(Experiment e) {
        loading = true;
        try {
            loaded.set(e);
            for (Map.Entry<String, StringProperty> v : values.entrySet()) {
                v.getValue().set(safeGet(e, v.getKey()));
            }
        } finally {
            loading = false;
        }
        recompute();
    }

    /** Back to the loaded preset's values. */
    public void revert() {
        load(loaded.get());
    }

    /** Sets one field, as the user would. */
    public void set(String key, String value) {
        value(key).set(value);
    }

    /**
     * Picks a choice as the placement/initialisation buttons do: when the new placement rules out the
     * current initialisation (Admin needs Post-LN), the initialisation falls back to "default".
     */
    public void choose(String key, String choice) {
        set(key, choice);
        if (experiment.get() == null && !"model.init".equals(key) && values.containsKey("model.init")
                && !error("model.init").get().isEmpty() && !"default".equals(value("model.init").get())) {
            set("model.init", "default");
        }
    }

    /** Whether {@code choice} is allowed for {@code key} given every other field; null when it is, else why not. */
    public String whyNot(String key, String choice) {
        Experiment e = experiment.get();
        if (e == null) {
            return null;
        }
        try {
            Presets.validate(Presets.with(e, key, choice));
            return null;
        } catch (BadInputException ex) {
            return ex.getMessage();
        }
    }

    private void recompute() {
        Experiment base = loaded.get();
        Map<String, String> messages = new LinkedHashMap<>();
        Set<String> pending = new LinkedHashSet<>();
        for (Map.Entry<String, StringProperty> v : values.entrySet()) {
            if (!Objects.equals(v.getValue().get(), safeGet(base, v.getKey()))) {
                pending.add(v.getKey());
            }
        }
        modified.set(!pending.isEmpty());
        Experiment e = base;
        // Apply the edits; one that fails only because of another pending edit succeeds on a later pass.
        Map<String, BadInputException> failures = new LinkedHashMap<>();
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            failures.clear();
            for (String key : new ArrayList<>(pending)) {
                try {
                    e = Presets.with(e, key, values.get(key).get());
                    pending.remove(key);
                    progress = true;
                } catch (BadInputException ex) {
                    failures.put(key, ex);
                }
            }
        }
        for (Map.Entry<String, BadInputException> f : failures.entrySet()) {
            String text = stripField(f.getValue());
            messages.putIfAbsent(f.getKey(), text);
            String other = f.getValue().field();
            if (values.containsKey(other) && !other.equals(f.getKey())) {
                messages.putIfAbsent(other, text);
            }
        }
        if (failures.isEmpty()) {
            try {
                Presets.validate(e);
            } catch (BadInputException ex) {
                String field = values.containsKey(ex.field()) ? ex.field() : keys().get(0);
                messages.put(field, stripField(ex));
            }
        }
        for (Map.Entry<String, ReadOnlyStringWrapper> err : errors.entrySet()) {
            err.getValue().set(messages.getOrDefault(err.getKey(), ""));
        }
        if (messages.isEmpty()) {
            problem.set("");
            experiment.set(e);
        } else {
            Map.Entry<String, String> first = messages.entrySet().iterator().next();
            problem.set(first.getKey() + ": " + first.getValue());
            experiment.set(null);
        }
    }

    private static String stripField(BadInputException ex) {
        String m = ex.getMessage();
        String prefix = ex.field() + ": ";
        return m != null && m.startsWith(prefix) ? m.substring(prefix.length()) : String.valueOf(m);
    }

    private static String safeGet(Experiment e, String key) {
        try {
            String v = Presets.get(e, key);
            return v == null ? "" : v;
        } catch (RuntimeException ex) {
            return "";
        }
    }
}
