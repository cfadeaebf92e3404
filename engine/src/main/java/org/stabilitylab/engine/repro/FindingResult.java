package org.stabilitylab.engine.repro;

import java.util.List;
import java.util.Map;

/**
 * One finding's outcome for the report: held or not with the measured evidence.
 *
 * @param id      the finding's label in report order ("1".."7", "3b")
 * @param held    whether the measured numbers meet the finding's stated criterion
 * @param verdict one line with the deciding numbers
 * @param body    Markdown: method, tables, notes (images are referenced from it)
 * @param images  PNG file names written beside report.md
 * @param numbers the key measured values by name, for tests and findings.json
 * @param seconds wall time the finding took
 */
public record FindingResult(String id, String title, String claim, String preset, boolean held, String verdict,
                            String body, List<String> images, Map<String, Double> numbers, double seconds) {
}
