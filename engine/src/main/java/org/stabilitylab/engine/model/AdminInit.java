package org.stabilitylab.engine.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.stabilitylab.engine.task.Batch;

/**
 * Admin's initialisation (science.md section 2): default weights with omega = 1, then one forward
 * pass in training mode on the profiling batch during which every stack walks its sublayers and
 * sets omega_i from the running variance. Weights other than omega are left as they were.
 */
final class AdminInit {
    private AdminInit() {
    }

    /** Returns each stack's profiling walk, encoder first. */
    static Map<String, AdminProfile> apply(Transformer model, Batch profilingBatch) {
        DefaultInit.apply(model);
        Map<String, AdminProfile> profiles = new LinkedHashMap<>();
        for (Stack stack : model.stacks()) {
            AdminProfile profile = new AdminProfile();
            stack.attachProfile(profile);
            profiles.put(stack.name, profile);
        }
        try {
            model.forward(profilingBatch, true, false, 0.0);
        } finally {
            model.stacks().forEach(s -> s.attachProfile(null));
        }
        return profiles;
    }
}
