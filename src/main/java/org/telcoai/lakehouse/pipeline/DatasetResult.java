package org.telcoai.lakehouse.pipeline;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one ingest run did to one dataset; rowsRead = rowsAccepted + rowsQuarantined always. tableVersions: the
 * version of each table (bronze, silver or reference, quarantine) after this run's last write to it.
 */
public record DatasetResult(String dataset, int filesIngested, int filesRejected, int filesSkipped, long rowsRead,
                            long rowsAccepted, long rowsQuarantined, long silverRows, Map<String, Long> tableVersions) {

    public DatasetResult {
        tableVersions = Map.copyOf(tableVersions);
    }

    public DatasetResult(String dataset, int filesIngested, int filesRejected, int filesSkipped, long rowsRead,
                         long rowsAccepted, long rowsQuarantined, long silverRows) {
        this(dataset, filesIngested, filesRejected, filesSkipped, rowsRead, rowsAccepted, rowsQuarantined,
                silverRows, Map.of());
    }

    public DatasetResult plus(DatasetResult other) {
        Map<String, Long> versions = new TreeMap<>(tableVersions);
        versions.putAll(other.tableVersions);
        return new DatasetResult(dataset, filesIngested + other.filesIngested, filesRejected + other.filesRejected,
                filesSkipped + other.filesSkipped, rowsRead + other.rowsRead, rowsAccepted + other.rowsAccepted,
                rowsQuarantined + other.rowsQuarantined, other.silverRows, versions);
    }
}
