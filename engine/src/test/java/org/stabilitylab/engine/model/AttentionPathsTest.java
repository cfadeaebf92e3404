package org.stabilitylab.engine.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The direct-BLAS attention (heads read in place from the projections) computes the same output and
 * the same gradients as the ND4J batched-matmul path, for self, causal and cross attention, with
 * and without a step workspace (workspace arrays live at offsets inside one big buffer).
 */
class AttentionPathsTest {
    private static final WorkspaceConfiguration WS = WorkspaceConfiguration.builder()
            .initialSize(8L << 20).policyAllocation(AllocationPolicy.STRICT)
            .policyLearning(LearningPolicy.FIRST_LOOP).build();

    @AfterEach
    void restore() {
        Blas.enabled = true;
    }

    @ParameterizedTest(name = "cross={0} causal={1} workspace={2} {3}")
    @CsvSource({
        "false, false, false, FLOAT", "false, true, false, FLOAT", "true, false, false, FLOAT",
        "false, true, true, FLOAT", "true, false, true, FLOAT", "false, true, true, DOUBLE"})
    void directPathMatchesNd4jPath(boolean cross, boolean causal, boolean workspace, DataType dtype) {
        int batch = 3;
        int tq = 5;
        int tk = cross ? 7 : tq;
        int d = 12;
        ParamStore store = new ParamStore(dtype);
        Attention attn = new Attention(store, "a", d, 3, cross, causal);
        store.allocate();
        Nd4j.getRandom().setSeed(5);
        store.values().assign(Nd4j.rand(dtype, store.size()).subi(0.5));
        INDArray x = Nd4j.rand(dtype, batch * tq, d).subi(0.5);
        INDArray memory = cross ? Nd4j.rand(dtype, batch * tk, d).subi(0.5) : null;
        INDArray dy = Nd4j.rand(dtype, batch * tq, d).subi(0.5);

        Blas.enabled = false;
        INDArray[] expected = run(attn, store, x, memory, dy, batch, workspace);
        Blas.enabled = true;
        assertTrue(Blas.usable(x), "the CPU backend offers the direct path");
        INDArray[] actual = run(attn, store, x, memory, dy, batch, workspace);

        String[] what = {"output", "input gradient", "parameter gradients", "memory gradient"};
        double tol = dtype == DataType.DOUBLE ? 1e-12 : 1e-5;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] == null) {
                assertTrue(actual[i] == null, what[i]);
                continue;
            }
            double diff = expected[i].sub(actual[i]).amaxNumber().doubleValue();
            double size = expected[i].amaxNumber().doubleValue();
            assertTrue(size > 1e-3, what[i] + " is not trivially zero");
            assertTrue(diff <= tol * Math.max(1, size), what[i] + " differs by " + diff);
        }
    }

    private static INDArray[] run(Attention attn, ParamStore store, INDArray x, INDArray memory, INDArray dy,
                                  int batch, boolean workspace) {
        store.grads().assign(0);
        MemoryWorkspace ws = workspace ? Nd4j.getWorkspaceManager().getAndActivateWorkspace(WS, "attn-test") : null;
        try {
            INDArray y = attn.forward(x, memory, batch);
            INDArray dx = attn.backward(dy);
            INDArray dm = attn.memoryGrad();
            return new INDArray[] {detach(y), detach(dx), detach(store.grads().dup()), dm == null ? null : detach(dm)};
        } finally {
            if (ws != null) {
                ws.close();
            }
        }
    }

    private static INDArray detach(INDArray a) {
        return a.isAttached() ? a.detach() : a.dup();
    }
}
