package org.telcoai.lakehouse.cli;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.telcoai.lakehouse.config.LakehouseConfig;
import org.telcoai.lakehouse.gold.GoldReport;
import org.telcoai.lakehouse.gold.GoldReports;
import org.telcoai.lakehouse.ops.JobRuns;
import org.telcoai.lakehouse.ops.RunAudit;
import org.telcoai.lakehouse.pipeline.ReportJob;
import org.telcoai.lakehouse.warehouse.Layer;
import org.telcoai.lakehouse.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Brings the gold reports (gold.<name>) up to date with the silver and reference tables, then "
            + "exports them.",
            "Incremental: only the periods (or operators) whose silver rows changed since a report was last "
            + "computed, and the periods that depend on them, are recomputed; a report whose sources did not "
            + "change is left alone. --full-refresh recomputes every row."})
final class ReportCommand extends SparkJob {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReportCommand.class);

    @Option(names = "--reports", split = ",", paramLabel = "NAME", converter = ReportNameConverter.class,
            description = "Only these reports (comma-separated), with the reports whose tables they read. "
                    + "Default: all.")
    List<String> reports;

    @Option(names = "--full-refresh", description = "Recompute every row of the reports, not only what changed.")
    boolean fullRefresh;

    @Option(names = "--run-date", paramLabel = "YYYY-MM-DD", converter = RunDates.class,
            description = "Date the exports are filed under (<reports folder>/<date>/). Default: today (UTC).")
    java.time.LocalDate runDate;

    @Override
    java.time.LocalDate runDateOption() {
        return runDate;
    }

    @Override
    int run(LakehouseConfig config, SparkSession spark, Warehouse warehouse, String runId) {
        List<GoldReport> selected = reports == null ? GoldReports.ALL : GoldReports.withInputs(reports);
        return report(config, warehouse, selected, audit(), fullRefresh);
    }

    /**
     * Recomputes the reports (one audit row each, flushed), then exports every gold table (CSV) and the HTML page
     * for the audit's run date.
     */
    static int report(LakehouseConfig config, Warehouse warehouse, List<GoldReport> reports, RunAudit audit,
                      boolean fullRefresh) {
        audit.stage(JobRuns.REPORT, stage -> {
            for (ReportJob.ReportResult result : new ReportJob(warehouse, config.reportSettings())
                    .run(reports, fullRefresh, audit.runId())) {
                String report = result.table().substring(Layer.GOLD.schema().length() + 1);
                // An unchanged report wrote nothing: no rows out, no version.
                stage.succeeded(report, null, result.rows(), null, result.mode() == ReportJob.Mode.UNCHANGED
                        ? java.util.Map.of() : java.util.Map.of(result.table(), result.version()));
            }
            return null;
        });
        audit.flush();
        org.telcoai.lakehouse.export.ExportResult exported = audit.stage(JobRuns.EXPORT,
                stage -> export(config, warehouse, audit.runDate(), stage));
        LOG.info("Exports in {}: {} CSV files, {} charts{}", exported.directory(), exported.csvFiles().size(),
                exported.chartIds().size(), exported.noDataCharts().isEmpty() ? ""
                        : ", without data: " + exported.noDataCharts());
        return 0;
    }

    private static org.telcoai.lakehouse.export.ExportResult export(LakehouseConfig config, Warehouse warehouse,
                                                                    java.time.LocalDate runDate, RunAudit.Stage stage) {
        java.util.Map<String, org.apache.spark.sql.Dataset<org.apache.spark.sql.Row>> gold =
                new java.util.LinkedHashMap<>();
        for (GoldReport report : GoldReports.ALL) {
            String table = org.telcoai.lakehouse.warehouse.Layer.GOLD.table(report.name());
            if (warehouse.exists(table)) {
                gold.put(table, warehouse.read(table));
            }
        }
        java.nio.file.Path folder = java.nio.file.Path.of(config.reportsFolder()).toAbsolutePath();
        org.telcoai.lakehouse.export.ExportResult exported = new org.telcoai.lakehouse.export.ReportExporter()
                .export(warehouse.spark(), gold, warehouse.read("reference.operators"), folder, runDate);
        stage.counts(null, exported.rowCounts().values().stream().mapToLong(Integer::longValue).sum(), null);
        return exported;
    }

    /** Refuses an unknown report name while parsing, before Spark starts. */
    static final class ReportNameConverter implements picocli.CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (GoldReports.byName(value).isEmpty()) {
                throw new picocli.CommandLine.TypeConversionException("unknown report '" + value + "'; known: "
                        + String.join(", ", GoldReports.ALL.stream().map(GoldReport::name).toList()));
            }
            return value;
        }
    }
}
