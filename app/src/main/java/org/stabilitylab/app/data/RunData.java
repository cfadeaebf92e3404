package org.stabilitylab.app.data;

import java.util.ArrayList;
import java.util.List;
import org.stabilitylab.engine.run.StepMetrics;
import org.stabilitylab.engine.run.SublayerInfo;

/**
 * Everything one run has reported, kept on the FX thread: per-step series and the probed steps
 * with their per-sublayer metrics. Charts read from here; nothing here is drawn directly.
 */
public final class RunData {
    public final Series loss = new Series();
    public final Series valLoss = new Series();
    public final Series valAccuracy = new Series();
    public final Series outputChange = new Series();
    public final Series updateChange = new Series();
    public final Series gradNorm = new Series();
    public final Series lr = new Series();
    private final List<StepMetrics> probes = new ArrayList<>();
    private List<SublayerInfo> sublayers = List.of();
    private int version;
    private int probeVersion;

    public void add(StepMetrics m) {
        double x = m.step();
        loss.add(x, m.loss());
        lr.add(x, m.lr());
        gradNorm.add(x, m.gradNorm());
        updateChange.add(x, m.updateChange());
        outputChange.add(x, m.outputChange());
        valLoss.add(x, m.valLoss());
        valAccuracy.add(x, m.valAccuracy());
        if (m.probed()) {
            probes.add(m);
            probeVersion++;
        }
        version++;
    }

    /** Steps whose per-sublayer probes ran, in order. */
    public List<StepMetrics> probes() {
        return probes;
    }

    public StepMetrics lastProbe() {
        return probes.isEmpty() ? null : probes.get(probes.size() - 1);
    }

    public List<SublayerInfo> sublayers() {
        return sublayers;
    }

    public void setSublayers(List<SublayerInfo> sublayers) {
        this.sublayers = List.copyOf(sublayers);
        version++;
        probeVersion++;
    }

    /** Increases only when probed steps (per-sublayer metrics) arrive: layer charts redraw on this. */
    public int probeVersion() {
        return probeVersion;
    }

    /** Increases with every change, so charts can skip runs that did not change since their last refresh. */
    public int version() {
        return version;
    }
}
