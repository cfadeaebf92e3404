package org.stabilitylab.app.view;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.stabilitylab.app.chart.Format;
import org.stabilitylab.app.vm.RunViewModel;
import org.stabilitylab.app.vm.RunsViewModel;

/** The runs list: colour, name (editable), status, step, losses and speed; show/hide, rename, remove. */
public final class RunsTable extends TableView<RunViewModel> {

    public RunsTable(RunsViewModel vm, Consumer<RunViewModel> exportRecord) {
        super(vm.runs());
        setId("runs-table");
        setEditable(true);
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label("No runs yet: press Run (Space) or Compare."));

        TableColumn<RunViewModel, Boolean> show = new TableColumn<>("show");
        show.setCellValueFactory(c -> c.getValue().visibleProperty());
        show.setCellFactory(CheckBoxTableCell.forTableColumn(show));
        show.setEditable(true);
        show.setPrefWidth(48);
        show.setMaxWidth(56);

        TableColumn<RunViewModel, String> colour = new TableColumn<>("");
        colour.setCellValueFactory(c -> Bindings.createStringBinding(() -> c.getValue().colour()));
        colour.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setGraphic(empty || item == null ? null : swatch(item));
            }
        });
        colour.setPrefWidth(28);
        colour.setMaxWidth(32);
        colour.setSortable(false);

        TableColumn<RunViewModel, String> name = new TableColumn<>("run");
        name.setCellValueFactory(c -> c.getValue().nameProperty());
        name.setCellFactory(TextFieldTableCell.forTableColumn());
        name.setEditable(true);
        name.setPrefWidth(200);

        TableColumn<RunViewModel, String> status = new TableColumn<>("status");
        status.setCellValueFactory(c -> c.getValue().statusTextProperty());
        status.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().removeAll("status-bad", "status-good");
                if (!empty && item != null) {
                    if (item.startsWith("diverged") || item.startsWith("failed")) {
                        getStyleClass().add("status-bad");
                    } else if (item.equals("done")) {
                        getStyleClass().add("status-good");
                    }
                }
            }
        });
        status.setPrefWidth(150);

        getColumns().add(show);
        getColumns().add(colour);
        getColumns().add(name);
        getColumns().add(status);
        getColumns().add(number("step", r -> r.stepProperty(), 60, true));
        getColumns().add(number("best loss", r -> r.bestLossProperty(), 80, false));
        getColumns().add(number("loss", r -> r.currentLossProperty(), 80, false));
        getColumns().add(number("ms/step", r -> r.msPerStepProperty(), 70, false));

        getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && getSelectionModel().getSelectedItem() != b) {
                getSelectionModel().select(b);
            }
        });

        setRowFactory(tv -> {
            TableRow<RunViewModel> row = new TableRow<>();
            MenuItem rename = new MenuItem("Rename");
            rename.setOnAction(e -> startRename(row.getIndex(), name));
            MenuItem toggle = new MenuItem("Show / hide");
            toggle.setOnAction(e -> row.getItem().visibleProperty().set(!row.getItem().visibleProperty().get()));
            MenuItem pause = new MenuItem("Stop this run");
            pause.setOnAction(e -> {
                if (row.getItem().handle() != null) {
                    row.getItem().handle().stop();
                }
            });
            MenuItem export = new MenuItem("Export run record...");
            export.setOnAction(e -> exportRecord.accept(row.getItem()));
            MenuItem remove = new MenuItem("Remove");
            remove.setOnAction(e -> vm.remove(row.getItem()));
            ContextMenu menu = new ContextMenu(rename, toggle, pause, export, new SeparatorMenuItem(), remove);
            row.contextMenuProperty().bind(Bindings.when(row.emptyProperty()).then((ContextMenu) null)
                    .otherwise(menu));
            row.itemProperty().addListener((o, a, b) -> pause.setDisable(b == null || b.handle() == null));
            return row;
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.DELETE && getSelectionModel().getSelectedItem() != null) {
                vm.remove(getSelectionModel().getSelectedItem());
            }
        });
    }

    private static Rectangle swatch(String hex) {
        Rectangle r = new Rectangle(14, 14, Color.web(hex));
        r.setArcWidth(4);
        r.setArcHeight(4);
        return r;
    }

    private static <T extends Number> TableColumn<RunViewModel, Number> number(
            String title, Function<RunViewModel, ObservableValue<T>> value, double width, boolean integer) {
        TableColumn<RunViewModel, Number> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> {
            @SuppressWarnings("unchecked")
            ObservableValue<Number> v = (ObservableValue<Number>) value.apply(cell.getValue());
            return v;
        });
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null
                        : integer ? Integer.toString(item.intValue()) : Format.number(item.doubleValue()));
            }
        });
        c.setPrefWidth(width);
        c.getStyleClass().add("numeric");
        return c;
    }

    private void startRename(int index, TableColumn<RunViewModel, String> column) {
        if (index >= 0) {
            layout();
            edit(index, column);
        }
    }
}
