package org.stabilitylab.app;

import org.stabilitylab.app.vm.Alert;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Presets;

/**
 * The preset the window opens on: the one named on the command line (a file the desktop passed, or a
 * shipped name), else the default. A file that cannot be used yields the default plus the reason, so the
 * window still opens and says why, instead of the program dying before it shows anything.
 */
public record StartupPreset(Experiment experiment, Alert problem) {

    public static StartupPreset of(String fileOrName) {
        if (fileOrName == null) {
            return new StartupPreset(Presets.defaults(), null);
        }
        try {
            return new StartupPreset(Presets.load(fileOrName), null);
        } catch (RuntimeException e) {
            return new StartupPreset(Presets.defaults(), new Alert("Cannot open preset",
                    e.getMessage() + " \u2014 showing the default preset instead.", true));
        }
    }
}
