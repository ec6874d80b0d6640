package org.telcoai.lakehouse.cli;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.telcoai.lakehouse.config.LakehouseConfig;
import org.telcoai.lakehouse.gold.GoldReport;
import org.telcoai.lakehouse.gold.GoldReports;
import org.telcoai.lakehouse.pipeline.ReportJob;
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
    int run(LakehouseConfig config, SparkSession spark, Warehouse warehouse, String runId) {
        List<GoldReport> selected = reports == null ? GoldReports.ALL : GoldReports.withInputs(reports);
        return report(config, warehouse, selected, runDate == null ? RunDates.todayUtc() : runDate, fullRefresh,
                runId);
    }

    /** Recomputes the reports, then exports every gold table (CSV) and the HTML page for the run date. */
    static int report(LakehouseConfig config, Warehouse warehouse, List<GoldReport> reports,
                      java.time.LocalDate runDate, boolean fullRefresh, String runId) {
        new ReportJob(warehouse, config.reportSettings()).run(reports, fullRefresh, runId);
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
        LOG.info("Exports in {}: {} CSV files, {} charts{}", exported.directory(), exported.csvFiles().size(),
                exported.chartIds().size(), exported.noDataCharts().isEmpty() ? ""
                        : ", without data: " + exported.noDataCharts());
        return 0;
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
