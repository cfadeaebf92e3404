package org.stabilitylab.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Admin's profiling walk over one stack (science.md section 2): a running value r starts at 1; each
 * sublayer in forward order gets omega_i = r, then r = sqrt(Var[x_{i-1} * omega_i] + Var[f_i]).
 */
final class AdminProfile {
    /** What the walk saw at one sublayer, kept so tests can recompute omega from the formula. */
    record Entry(double omega, double varShortcut, double varBranch) {
    }

    private double running = 1.0;
    private final List<Entry> entries = new ArrayList<>();

    void assignNext(INDArray omega, INDArray x, INDArray f) {
        double value = running;
        omega.assign(value);
        double varShortcut = Stats.variance(x) * value * value;
        double varBranch = Stats.variance(f);
        entries.add(new Entry(value, varShortcut, varBranch));
        running = Math.sqrt(varShortcut + varBranch);
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    double[] omegas() {
        return entries.stream().mapToDouble(Entry::omega).toArray();
    }
}
