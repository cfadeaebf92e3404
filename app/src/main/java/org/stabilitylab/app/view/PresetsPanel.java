package org.stabilitylab.app.view;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.stabilitylab.app.vm.LabViewModel;
import org.stabilitylab.engine.config.Experiment;

/** The preset gallery (shipped and saved), recent files, and finished runs kept on disk to reopen. */
public final class PresetsPanel extends VBox {
    private final ListView<Experiment> shipped = new ListView<>();
    private final ListView<Experiment> saved = new ListView<>();
    private final ListView<String> recent = new ListView<>();
    private final ListView<Path> records = new ListView<>();

    /**
     * @param openFile  asks for a preset file and opens it
     * @param save      saves the form as a preset (Ctrl+S)
     * @param reopen    reopens a finished run from its record folder
     * @param openRecent opens a recent entry (shipped name or file path)
     */
    public PresetsPanel(LabViewModel lab, Runnable openFile, Runnable save, Consumer<Path> reopen,
                        Consumer<String> openRecent) {
        setSpacing(4);
        setPadding(new Insets(8));
        getStyleClass().add("presets-panel");
        shipped.setId("preset-gallery");
        shipped.getItems().setAll(lab.presets().shipped());
        shipped.setCellFactory(l -> new PresetCell());
        shipped.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && shipped.getSelectionModel().getSelectedItem() != null) {
                lab.load(shipped.getSelectionModel().getSelectedItem());
            }
        });
        Button load = new Button("Load preset");
        load.setId("preset-load");
        load.disableProperty().bind(shipped.getSelectionModel().selectedItemProperty().isNull()
                .and(saved.getSelectionModel().selectedItemProperty().isNull()));
        load.setOnAction(e -> {
            Experiment pick = shipped.isFocused() || saved.getSelectionModel().getSelectedItem() == null
                    ? shipped.getSelectionModel().getSelectedItem() : saved.getSelectionModel().getSelectedItem();
            if (pick != null) {
                lab.load(pick);
            }
        });
        shipped.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                saved.getSelectionModel().clearSelection();
            }
        });
        saved.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                shipped.getSelectionModel().clearSelection();
            }
        });
        Button open = new Button("Open file...");
        open.setOnAction(e -> openFile.run());
        Button saveButton = new Button("Save current...");
        saveButton.setTooltip(new Tooltip("Save the form as a preset in your data folder (Ctrl+S)"));
        saveButton.setOnAction(e -> save.run());
        HBox buttons = new HBox(6, load, open, saveButton);

        saved.setItems(lab.presets().saved());
        saved.setCellFactory(l -> new PresetCell());
        saved.setPlaceholder(new Label("Nothing saved yet (Ctrl+S)"));
        saved.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && saved.getSelectionModel().getSelectedItem() != null) {
                lab.load(saved.getSelectionModel().getSelectedItem());
            }
        });
        recent.setItems(lab.presets().recent());
        recent.setPlaceholder(new Label("No recent presets"));
        recent.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && recent.getSelectionModel().getSelectedItem() != null) {
                openRecent.accept(recent.getSelectionModel().getSelectedItem());
            }
        });
        records.setPlaceholder(new Label("Finished runs appear here"));
        records.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Path p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.getFileName().toString());
            }
        });
        records.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && records.getSelectionModel().getSelectedItem() != null) {
                reopen.accept(records.getSelectionModel().getSelectedItem());
            }
        });
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> refreshRecords(lab));
        Button reopenButton = new Button("Reopen run");
        reopenButton.disableProperty().bind(records.getSelectionModel().selectedItemProperty().isNull());
        reopenButton.setOnAction(e -> reopen.accept(records.getSelectionModel().getSelectedItem()));

        shipped.setPrefHeight(300);
        saved.setPrefHeight(110);
        recent.setPrefHeight(90);
        records.setPrefHeight(110);
        VBox.setVgrow(shipped, Priority.ALWAYS);
        getChildren().addAll(heading("Shipped presets (double-click to load)"), shipped, buttons,
                heading("My presets"), saved, heading("Recent"), recent,
                heading("Finished runs on disk"), records, new HBox(6, reopenButton, refresh));
        refreshRecords(lab);
        lab.runs().runs().addListener((javafx.collections.ListChangeListener<Object>) c -> refreshRecords(lab));
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private void refreshRecords(LabViewModel lab) {
        records.getItems().setAll(new org.stabilitylab.app.io.RunArchive(lab.userData().runs()).list());
    }

    public ListView<Experiment> gallery() {
        return shipped;
    }
}
