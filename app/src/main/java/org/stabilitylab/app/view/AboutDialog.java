package org.stabilitylab.app.view;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.stabilitylab.app.VersionInfo;
import org.stabilitylab.engine.EngineInfo;

/** Help > About: what the program is and the same version lines as {@code --version}, selectable for bug reports. */
public final class AboutDialog {
    static final String BLURB = "See why deep Post-LN Transformers are hard to train and how Pre-LN and Admin "
            + "fix it (Liu et al., Understanding the Difficulty of Training Transformers, EMNLP 2020).";

    private AboutDialog() {
    }

    /** The dialog's text: the blurb, then version / backend / Java (the backend as the status bar shows it). */
    public static String text(String backend) {
        String fx = System.getProperty("javafx.runtime.version");
        return VersionInfo.text(EngineInfo.version(), backend, EngineInfo.java())
                + (fx == null ? "" : "\nJavaFX: " + fx);
    }

    /** Builds the dialog (not shown), so a test can look at it. */
    public static Alert create(Window owner, String backend) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        a.initOwner(owner);
        a.setTitle("About " + VersionInfo.NAME);
        a.setHeaderText(VersionInfo.NAME + " " + EngineInfo.version());
        var in = AboutDialog.class.getResourceAsStream("/org/stabilitylab/app/icons/app-64.png");
        if (in != null) {
            Image icon = new Image(in);
            a.setGraphic(new ImageView(icon));
            if (a.getDialogPane().getScene().getWindow() instanceof Stage s) {
                s.getIcons().add(icon);
            }
        }
        javafx.scene.control.Label blurb = new javafx.scene.control.Label(BLURB);
        blurb.setWrapText(true);
        blurb.setPrefWidth(440);
        blurb.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        TextArea versions = new TextArea(text(backend));
        versions.setId("about-versions");
        versions.setEditable(false);
        versions.setPrefRowCount(4);
        versions.setPrefColumnCount(44);
        a.getDialogPane().setContent(new VBox(10, blurb, versions));
        a.setResizable(true);
        return a;
    }
}
