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
 * @param keysPerDataset    distinct keys among the valid lines per dataset: the rows its silver table holds
 * @param keysResentLater   keys per dataset with a valid line in a later delivery than their first valid line
 *                          (restatements, corrections, re-sent prices): silver holds the later version
 * @param files             number of files written
 */
public record DemoSummary(Map<String, Long> rowsPerDataset, Map<String, Long> badRowsPerDataset,
                          Map<String, Long> keysPerDataset, Map<String, Long> keysResentLater, int files) {
    public DemoSummary {
        // Sorted so that logs and printed summaries are stable between runs.
        rowsPerDataset = Collections.unmodifiableMap(new TreeMap<>(rowsPerDataset));
        badRowsPerDataset = Collections.unmodifiableMap(new TreeMap<>(badRowsPerDataset));
        keysPerDataset = Collections.unmodifiableMap(new TreeMap<>(keysPerDataset));
        keysResentLater = Collections.unmodifiableMap(new TreeMap<>(keysResentLater));
    }
}
