package org.stabilitylab.engine.probe;

/** One row of amplify.csv: output change at initialisation for one depth and seed. */
public record AmplifyPoint(int depth, long seed, String norm, String init, double outputChange) {
}
