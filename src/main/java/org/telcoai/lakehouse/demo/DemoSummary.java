package org.telcoai.lakehouse.demo;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link DemoDataGenerator#generate()} wrote.
 *
 * @param rowsPerDataset    data lines written per dataset (all files, header lines excluded), defective and
 *                          duplicate lines included
 * @param badRowsPerDataset defective lines per dataset; exact duplicate lines are valid superseded versions and
 *                          are not counted here
 * @param files             number of files written
 */
public record DemoSummary(Map<String, Long> rowsPerDataset, Map<String, Long> badRowsPerDataset, int files) {
    public DemoSummary {
        // Sorted so that logs and printed summaries are stable between runs.
        rowsPerDataset = Collections.unmodifiableMap(new TreeMap<>(rowsPerDataset));
        badRowsPerDataset = Collections.unmodifiableMap(new TreeMap<>(badRowsPerDataset));
    }
}
