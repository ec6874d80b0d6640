package org.telcoai.lakehouse.pipeline;

/** What one ingest run did to one dataset; rowsRead = rowsAccepted + rowsQuarantined always. */
public record DatasetResult(String dataset, int filesIngested, int filesRejected, int filesSkipped, long rowsRead,
                            long rowsAccepted, long rowsQuarantined, long silverRows) {

    public DatasetResult plus(DatasetResult other) {
        return new DatasetResult(dataset, filesIngested + other.filesIngested, filesRejected + other.filesRejected,
                filesSkipped + other.filesSkipped, rowsRead + other.rowsRead, rowsAccepted + other.rowsAccepted,
                rowsQuarantined + other.rowsQuarantined, other.silverRows);
    }
}
