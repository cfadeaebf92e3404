package org.stabilitylab.app.vm;

/** Something the user must be told (a run diverged or failed, a file could not be written), shown as a notification. */
public record Alert(String title, String text, boolean error) {
}
