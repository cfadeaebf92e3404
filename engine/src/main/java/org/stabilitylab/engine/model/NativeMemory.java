package org.stabilitylab.engine.model;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

/**
 * Hands memory the C allocator holds but no longer uses back to the operating system (glibc's
 * malloc_trim, through the JVM's System.trim_native_heap command). Why: while an ND4J workspace
 * learns its size, its first step allocates every array separately; those blocks are freed once the
 * workspace exists, but glibc keeps them mapped: measured 273 MB of the 12+12 encoder-decoder's
 * resident memory, returned by one trim.
 */
final class NativeMemory {
    private static volatile boolean unavailable;

    private NativeMemory() {
    }

    /** Trims the native heap; a no-op where the JVM or the platform has no such command. */
    static void trim() {
        if (unavailable) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "systemTrimNativeHeap",
                    new Object[] {null}, new String[] {String[].class.getName()});
        } catch (Exception | LinkageError e) {
            unavailable = true; // older JVMs, non-glibc platforms, runtimes without jdk.management
        }
    }
}
