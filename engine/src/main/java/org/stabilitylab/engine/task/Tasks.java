package org.stabilitylab.engine.task;

import org.stabilitylab.engine.config.TaskSpec;

/** Builds the synthetic task a preset names. */
public final class Tasks {
    private Tasks() {
    }

    public static Task create(TaskSpec spec) {
        return switch (spec.kind()) {
            case COPY -> new CopyTask(spec.vocab(), spec.length());
            case REVERSE -> new ReverseTask(spec.vocab(), spec.length());
            case SORT -> new SortTask(spec.vocab(), spec.length());
            case TRANSLATE -> new TranslateTask(spec.vocab(), spec.length());
        };
    }
}
