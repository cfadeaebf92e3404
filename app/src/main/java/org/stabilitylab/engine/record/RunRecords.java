package org.stabilitylab.engine.record;

import java.nio.file.Path;

/** TEMPORARY STUB in app until branch config lands; delete on merge. */
public final class RunRecords {
    private RunRecords() {
    }

    public static RunRecord read(Path dir) {
        throw new UnsupportedOperationException("run records land with branch config");
    }
}
