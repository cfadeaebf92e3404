package org.stabilitylab.engine.run;

import java.util.List;
import java.util.Map;
import org.stabilitylab.engine.config.Experiment;

/**
 * What a run is, sent once before its first step.
 *
 * @param omega profiled Admin shortcut scales per stack ("encoder", "decoder"), one value per sublayer;
 *              empty when the init is not Admin
 */
public record RunInfo(Experiment experiment, String backend, String device, long parameters,
                      List<SublayerInfo> sublayers, Map<String, double[]> omega) {

    public RunInfo {
        sublayers = List.copyOf(sublayers);
        omega = Map.copyOf(omega);
    }
}
