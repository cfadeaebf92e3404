package org.stabilitylab.engine.run;

/**
 * Probe of one residual sublayer (science.md section 3).
 *
 * @param stack     "encoder" or "decoder"
 * @param sublayer  1-based index of the sublayer within its stack, in forward order
 * @param kind      "self-attn", "cross-attn" or "ffn"
 * @param varBranch Var[f_i], the branch output
 * @param varSum    Var[b_i], the sum entering the layer norm (Post-LN, Admin) or the residual stream x_i (Pre-LN)
 * @param betaOwn   residual dependency on its own branch, sqrt(varBranch / varSum)
 * @param gradNorm  L2 norm of the gradient of this sublayer's parameters
 */
public record LayerMetrics(String stack, int sublayer, String kind, double varBranch, double varSum,
                           double betaOwn, double gradNorm) {
}
