package org.stabilitylab.app.view;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Renders a scene to a PNG file, exactly as the user would see the window. */
public final class Screenshot {
    private Screenshot() {
    }

    public static void save(Scene scene, Path file) throws IOException {
        WritableImage img = scene.snapshot(null);
        BufferedImage buf = SwingFXUtils.fromFXImage(img, null);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        ImageIO.write(buf, "png", file.toFile());
    }
}
