package org.stabilitylab.app.chart;

import java.util.function.Function;
import org.stabilitylab.app.data.RunData;
import org.stabilitylab.app.data.Series;

/**
 * One kind of line drawn for every run on a {@link RunLinesChart}, e.g. training loss (solid)
 * or validation loss (dashed); {@code smoothable} lines follow the EMA slider.
 */
public record LineSpec(String label, Function<RunData, Series> series, boolean dashed, boolean smoothable) {
}
