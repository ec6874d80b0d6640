package org.telcoai.lakehouse.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telcoai.lakehouse.gold.GoldInputs;
import org.telcoai.lakehouse.gold.GoldReport;
import org.telcoai.lakehouse.gold.ReportSettings;
import org.telcoai.lakehouse.warehouse.Layer;
import org.telcoai.lakehouse.warehouse.Warehouse;

/** Computes gold reports from the warehouse and writes each to {@code gold.<name>}: all reads and writes here. */
public final class ReportJob {

    private static final Logger LOG = LoggerFactory.getLogger(ReportJob.class);

    /** What one report wrote. */
    public record ReportResult(String table, long rows, long version) { }

    private final Warehouse warehouse;
    private final ReportSettings settings;

    public ReportJob(Warehouse warehouse, ReportSettings settings) {
        this.warehouse = warehouse;
        this.settings = settings;
    }

    public List<ReportResult> run(List<GoldReport> reports) {
        IngestJob.ensureTables(warehouse);
        List<ReportResult> results = new ArrayList<>();
        for (GoldReport report : reports) {
            long started = System.nanoTime();
            Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
            for (String source : report.sources()) {
                tables.put(source, warehouse.read(source));
            }
            String table = Layer.GOLD.table(report.name());
            Dataset<Row> rows = report.compute(new GoldInputs(tables, settings)).cache();
            try {
                warehouse.ensureTable(table, rows.schema(), List.of(), Map.of());
                warehouse.replaceWhere(table, rows, "true");
                ReportResult result = new ReportResult(table, rows.count(), warehouse.version(table));
                results.add(result);
                LOG.info("{}: {} rows, version {} ({} s)", table, result.rows(), result.version(),
                        String.format("%.1f", (System.nanoTime() - started) / 1e9));
            } finally {
                rows.unpersist();
            }
        }
        return results;
    }
}
