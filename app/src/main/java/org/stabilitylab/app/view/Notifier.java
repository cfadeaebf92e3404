package org.stabilitylab.app.view;

import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.stabilitylab.app.vm.Alert;
import org.stabilitylab.app.vm.LabViewModel;

/** Shows alerts as ControlsFX notifications in the window's corner and repeats them in the status bar. */
public final class Notifier {
    private final LabViewModel lab;
    private Window owner;
    private boolean popups = true;

    public Notifier(LabViewModel lab) {
        this.lab = lab;
    }

    public void setOwner(Window owner) {
        this.owner = owner;
    }

    /** Off for screenshots: the text still goes to the status bar. */
    public void setPopups(boolean popups) {
        this.popups = popups;
    }

    public void show(Alert a) {
        lab.statusProperty().set(a.title() + (a.text() == null || a.text().isBlank() ? "" : ": " + a.text()));
        if (!popups || owner == null || !owner.isShowing()) {
            return;
        }
        try {
            Notifications n = Notifications.create().title(a.title()).text(a.text()).owner(owner)
                    .position(Pos.BOTTOM_RIGHT).hideAfter(Duration.seconds(a.error() ? 12 : 7));
            if (a.error()) {
                n.showError();
            } else {
                n.showWarning();
            }
        } catch (RuntimeException ex) {
            // a notification that cannot pop up must not take the app down; the status bar has the text
        }
    }
}
