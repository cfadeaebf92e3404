package org.stabilitylab.app.view;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;
import org.stabilitylab.app.vm.ExperimentFormModel;
import org.stabilitylab.engine.config.KeyInfo;

/**
 * The experiment form: placement and initialisation first (with a one-line explanation each and
 * impossible choices disabled), then model, task, training and probes. Each field shows its own error.
 */
public final class ExperimentPanel extends ScrollPane {
    private final ExperimentFormModel form;

    public ExperimentPanel(ExperimentFormModel form) {
        this.form = form;
        getStyleClass().add("experiment-panel");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        VBox box = new VBox(8);
        box.setPadding(new Insets(8));

        Label title = new Label();
        title.getStyleClass().add("panel-title");
        title.textProperty().bind(Bindings.createStringBinding(
                () -> form.loadedProperty().get() == null ? "" : form.loadedProperty().get().name(),
                form.loadedProperty()));
        Label modified = new Label("(edited)");
        modified.getStyleClass().add("hint");
        modified.visibleProperty().bind(form.modifiedProperty());
        Button revert = new Button("Revert");
        revert.setId("form-revert");
        revert.setTooltip(new Tooltip("Back to the preset's values"));
        revert.disableProperty().bind(form.modifiedProperty().not());
        revert.setOnAction(e -> form.revert());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(6, title, modified, gap, revert);
        head.setAlignment(Pos.CENTER_LEFT);
        box.getChildren().add(head);

        box.getChildren().add(placementSection());

        Set<String> placed = new LinkedHashSet<>(FieldLabels.NOT_IN_SECTIONS);
        for (FieldLabels.Section s : FieldLabels.SECTIONS) {
            List<String> keys = new ArrayList<>();
            for (String k : s.keys()) {
                if (form.keys().contains(k)) {
                    keys.add(k);
                    placed.add(k);
                }
            }
            if (!keys.isEmpty()) {
                box.getChildren().add(section(s.title(), keys, !"Probes".equals(s.title())));
            }
        }
        List<String> other = form.keys().stream().filter(k -> !placed.contains(k))
                .filter(k -> !"text".equals(form.info(k).kind())).toList();
        if (!other.isEmpty()) {
            box.getChildren().add(section("Other", other, false));
        }
        setContent(box);
    }

    private Node placementSection() {
        VBox v = new VBox(4);
        v.getStyleClass().add("placement-box");
        Label head = new Label("Layer norm & initialisation");
        head.getStyleClass().add("section-title");
        v.getChildren().add(head);
        for (String key : List.of("model.norm", "model.init")) {
            if (!form.keys().contains(key)) {
                continue;
            }
            Label name = new Label(FieldLabels.label(key));
            name.getStyleClass().add("field-label");
            SegmentedButton seg = new SegmentedButton();
            seg.setId(key.replace('.', '-'));
            seg.getStyleClass().add(SegmentedButton.STYLE_CLASS_DARK);
            KeyInfo info = form.info(key);
            for (String choice : info.choices()) {
                ToggleButton t = new ToggleButton(pretty(key, choice));
                t.setUserData(choice);
                t.setId(key.replace('.', '-') + "-" + choice);
                t.setOnAction(e -> {
                    if (t.isSelected()) {
                        form.choose(key, choice);
                    } else {
                        t.setSelected(true); // a segmented choice cannot be cleared
                    }
                });
                seg.getButtons().add(t);
            }
            Label explain = new Label();
            explain.setWrapText(true);
            explain.getStyleClass().add("explain");
            Label error = errorLabel(key);
            Runnable sync = () -> {
                String v0 = form.value(key).get();
                for (ToggleButton t : seg.getButtons()) {
                    String choice = (String) t.getUserData();
                    t.setSelected(choice.equals(v0));
                    String why = choice.equals(v0) ? null : form.whyNot(key, choice);
                    t.setDisable(why != null);
                    Tooltip.install(t, new Tooltip(why != null ? "Not possible here: " + why
                            : Help.choice(key, choice)));
                }
                explain.setText(Help.choice(key, v0));
            };
            form.value(key).addListener((o, a, b) -> sync.run());
            form.experimentProperty().addListener((o, a, b) -> sync.run());
            sync.run();
            v.getChildren().addAll(name, seg, explain, error);
        }
        return v;
    }

    private static String pretty(String key, String choice) {
        if ("model.norm".equals(key)) {
            return switch (choice) {
                case "post" -> "Post-LN";
                case "pre" -> "Pre-LN";
                case "none" -> "None";
                default -> choice;
            };
        }
        return switch (choice) {
            case "default" -> "Default";
            case "admin" -> "Admin";
            case "deepnorm" -> "DeepNorm";
            case "rezero" -> "ReZero";
            case "tfixup", "t-fixup" -> "T-Fixup";
            default -> choice;
        };
    }

    private TitledPane section(String title, List<String> keys, boolean expanded) {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(3);
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setHgrow(Priority.ALWAYS);
        c1.setFillWidth(true);
        g.getColumnConstraints().addAll(c0, c1);
        int row = 0;
        for (String key : keys) {
            KeyInfo info = form.info(key);
            Label label = new Label(FieldLabels.label(key));
            label.getStyleClass().add("field-label");
            Control editor = editor(key, info);
            editor.setMaxWidth(Double.MAX_VALUE);
            if (!info.help().isBlank()) {
                Tooltip tip = new Tooltip(info.help() + range(info));
                tip.setWrapText(true);
                tip.setMaxWidth(360);
                label.setTooltip(tip);
                editor.setTooltip(tip);
            }
            g.add(label, 0, row);
            g.add(editor, 1, row);
            row++;
            Label error = errorLabel(key);
            g.add(error, 0, row, 2, 1);
            row++;
            form.error(key).addListener((o, a, b) -> mark(editor, !b.isEmpty()));
            mark(editor, !form.error(key).get().isEmpty());
            if ("model.encoderLayers".equals(key) && form.keys().contains("model.arch")) {
                editor.disableProperty().bind(form.value("model.arch").isEqualTo("decoder-only"));
            }
        }
        TitledPane t = new TitledPane(title, g);
        t.setExpanded(expanded);
        t.setAnimated(false);
        return t;
    }

    private static String range(KeyInfo info) {
        if (!"int".equals(info.kind()) && !"double".equals(info.kind())) {
            return "";
        }
        if (Double.isNaN(info.min()) || Double.isNaN(info.max())) {
            return "";
        }
        return " (" + org.stabilitylab.app.chart.Format.number(info.min()) + " to "
                + org.stabilitylab.app.chart.Format.number(info.max()) + ")";
    }

    private Control editor(String key, KeyInfo info) {
        String id = "field-" + key.replace('.', '-');
        if ("choice".equals(info.kind())) {
            ComboBox<String> box = new ComboBox<>();
            box.getItems().setAll(info.choices());
            box.valueProperty().bindBidirectional(form.value(key));
            box.setId(id);
            return box;
        }
        TextField f = new TextField();
        f.setPrefColumnCount(7);
        f.textProperty().bindBidirectional(form.value(key));
        f.setId(id);
        return f;
    }

    private Label errorLabel(String key) {
        Label error = new Label();
        error.setId("error-" + key.replace('.', '-'));
        error.getStyleClass().add("field-error-text");
        error.setWrapText(true);
        error.textProperty().bind(form.error(key));
        error.visibleProperty().bind(form.error(key).isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    private static void mark(Control c, boolean bad) {
        if (bad) {
            if (!c.getStyleClass().contains("field-error")) {
                c.getStyleClass().add("field-error");
            }
        } else {
            c.getStyleClass().remove("field-error");
        }
    }
}
