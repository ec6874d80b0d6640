package org.telcoai.lakehouse.sources;

import java.util.Map;
import java.util.TreeMap;

/**
 * What an import did: source rows read, landing rows written per dataset, and source rows not written, by
 * reason (every source row is either written or counted here).
 */
public record ImportResult(long rowsRead, Map<String, Long> rowsWritten, Map<String, Long> rowsSkipped) {

    public ImportResult {
        rowsWritten = Map.copyOf(new TreeMap<>(rowsWritten));
        rowsSkipped = Map.copyOf(new TreeMap<>(rowsSkipped));
    }
}
