package org.stabilitylab.app.view;

import javafx.scene.Node;
import javafx.scene.shape.SVGPath;

/** Small vector icons for the toolbar (drawn shapes, so no icon font is needed on the user's machine). */
public final class Icons {
    public static final String PLAY = "M2 1 L13 7.5 L2 14 Z";
    public static final String PAUSE = "M2 1 H6 V14 H2 Z M9 1 H13 V14 H9 Z";
    public static final String STEP = "M1 1 L9 7.5 L1 14 Z M10 1 H13 V14 H10 Z";
    public static final String STOP = "M2 2 H13 V13 H2 Z";
    public static final String RESET = "M7.5 1 A6.5 6.5 0 1 1 1.3 9.5 L3.3 8.9 A4.5 4.5 0 1 0 7.5 3 V5.5 L3.5 2 L7.5 -1.5 Z";
    public static final String COMPARE = "M1 14 V8 H4 V14 Z M6 14 V4 H9 V14 Z M11 14 V1 H14 V14 Z";
    public static final String BOOK = "M1 2 H6 A2 2 0 0 1 7.5 3 V14 A2 2 0 0 0 6 13 H1 Z M14 2 H9 A2 2 0 0 0 7.5 3 V14 A2 2 0 0 1 9 13 H14 Z";
    public static final String SCREEN = "M1 2 H14 V11 H1 Z M5 13 H10 V14 H5 Z";

    private Icons() {
    }

    public static Node of(String path) {
        SVGPath p = new SVGPath();
        p.setContent(path);
        p.getStyleClass().add("icon");
        return p;
    }
}
