package org.stabilitylab.app.view;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;
import org.stabilitylab.engine.config.Experiment;

/** A gallery card: the preset's name in bold, its description, and its shape in one line. */
final class PresetCell extends ListCell<Experiment> {
    private final Label name = new Label();
    private final Label description = new Label();
    private final Label shape = new Label();
    private final VBox box = new VBox(2, name, description, shape);

    PresetCell() {
        name.getStyleClass().add("preset-name");
        description.getStyleClass().add("preset-description");
        description.setWrapText(true);
        shape.getStyleClass().add("hint");
        box.getStyleClass().add("preset-card");
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(Experiment e, boolean empty) {
        super.updateItem(e, empty);
        if (empty || e == null) {
            setGraphic(null);
            return;
        }
        name.setText(e.name());
        description.setText(e.description());
        description.setMaxWidth(getListView() == null ? 260 : getListView().getWidth() - 30);
        shape.setText(describe(e));
        setGraphic(box);
    }

    static String describe(Experiment e) {
        var m = e.model();
        String depth = "decoder-only".equals(m.arch().id()) ? m.decoderLayers() + "L decoder"
                : m.encoderLayers() + "+" + m.decoderLayers() + "L";
        return depth + " \u00b7 d" + m.dModel() + " \u00b7 " + m.norm().id() + "/" + m.init().id() + " \u00b7 "
                + e.task().kind().id() + " \u00b7 " + e.train().steps() + " steps";
    }
}
