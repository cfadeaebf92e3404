package org.stabilitylab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The heap policy really reaches the running JVM's G1 options (the test JVM runs G1 by default). */
class HeapPolicyTest {
    @Test
    void setsTheAdjustableG1Options() {
        boolean g1 = ManagementFactory.getGarbageCollectorMXBeans().stream().anyMatch(gc -> gc.getName().startsWith("G1"));
        assumeTrue(g1, "this JVM does not run G1");
        assertEquals(true, HeapPolicy.keepCompact());
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        HeapPolicy.OPTIONS.forEach((name, value) -> assertEquals(value, vm.getVMOption(name).getValue(), name));
        assertEquals(true, HeapPolicy.keepCompact(), "applying twice is harmless");
    }
}
