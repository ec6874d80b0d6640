package org.telcoai.lakehouse.cli;

import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telcoai.lakehouse.pipeline.DatasetResult;

/** The per-dataset table a run ends with, in the log. */
final class Summary {

    private static final Logger LOG = LoggerFactory.getLogger(Summary.class);

    private Summary() { }

    static void print(String runId, LocalDate runDate, List<DatasetResult> results) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Run %s, deliveries up to %s%n", runId, runDate));
        out.append(String.format("%-15s %6s %6s %6s %12s %12s %12s %12s%n", "dataset", "files", "reject", "skip",
                "rows read", "accepted", "quarantined", "silver rows"));
        for (DatasetResult r : results) {
            out.append(String.format("%-15s %6d %6d %6d %12d %12d %12d %12d%n", r.dataset(), r.filesIngested(),
                    r.filesRejected(), r.filesSkipped(), r.rowsRead(), r.rowsAccepted(), r.rowsQuarantined(),
                    r.silverRows()));
        }
        LOG.info("\n{}", out);
    }
}
