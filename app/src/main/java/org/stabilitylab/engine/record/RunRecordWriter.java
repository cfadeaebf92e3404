package org.stabilitylab.engine.record;

import java.nio.file.Path;
import org.stabilitylab.engine.run.RunListener;

/** TEMPORARY STUB in app until branch config lands; delete on merge. */
public final class RunRecordWriter implements RunListener {
    public RunRecordWriter(Path dir) {
    }
}
