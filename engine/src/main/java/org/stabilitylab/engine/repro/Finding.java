package org.stabilitylab.engine.repro;

import java.io.PrintStream;
import java.nio.file.Path;

/** One of the paper's findings: which preset shows it, how to measure it, and when it counts as held. */
interface Finding {
    /** The finding's label in the report: "1".."7", "3b" for the second half of finding 3. */
    String id();

    String title();

    /** The claim in the paper's words. */
    String claim();

    /** The shipped preset this finding is built on. */
    String preset();

    /** Measures the finding; charts go into {@code ctx.out()}. The returned seconds field may be 0. */
    FindingResult run(Context ctx) throws Exception;

    /** What a finding works with: the shared lab, the scale, the report folder and a progress stream. */
    record Context(Lab lab, Scale scale, Path out, PrintStream progress) {
        void say(String line) {
            if (progress != null) {
                synchronized (progress) {
                    progress.println(line);
                }
            }
        }
    }
}
