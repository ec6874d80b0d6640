package org.telcoai.lakehouse.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.telcoai.lakehouse.config.LakehouseConfig;
import org.telcoai.lakehouse.export.ExportManifest;
import org.telcoai.lakehouse.export.ExportResult;
import org.telcoai.lakehouse.export.ReportExporter;
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
            + "change is left alone. --full-refresh recomputes every row.",
            "--as-of DATE computes the reports as they were on a past delivery date instead, from the versions of "
            + "silver rows known then (silver.<dataset>_versions), into gold_asof.<name> and <reports folder>/as-of/"
            + "<date>/; gold is left alone."})
final class ReportCommand extends SparkJob {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReportCommand.class);
    /** Display names of operators on the report page. */
    private static final String OPERATORS = "reference.operators";

    @Option(names = "--reports", split = ",", paramLabel = "NAME", converter = ReportNameConverter.class,
            description = "Only these reports (comma-separated), with the reports whose tables they read. "
                    + "Default: all.")
    List<String> reports;

    @Option(names = "--full-refresh", description = "Recompute every row of the reports, not only what changed.")
    boolean fullRefresh;

    @Option(names = "--run-date", paramLabel = "YYYY-MM-DD", converter = RunDates.class,
            description = "Date the exports are filed under (<reports folder>/<date>/). Default: today (UTC).")
    java.time.LocalDate runDate;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = RunDates.class,
            description = "Compute the reports from the silver versions known on this delivery date (reference "
                    + "tables as they are now) into gold_asof.<name>, with an as_of column (only that date's rows "
                    + "are replaced), and export them to <reports folder>/as-of/<date>/. capex_restatements and "
                    + "gpu_shipment_restatements already hold every date: their rows with as_of up to it.")
    java.time.LocalDate asOf;

    @Override
    void beforeSpark(LakehouseConfig config) {
        if (asOf != null && fullRefresh) {
            throw new IllegalArgumentException("--as-of computes every row anyway: drop --full-refresh");
        }
        if (asOf != null && asOf.isAfter(RunDates.todayUtc())) {
            throw new IllegalArgumentException("--as-of " + asOf + " is in the future: nothing was known then yet");
        }
    }

    @Override
    java.time.LocalDate runDateOption() {
        return runDate;
    }

    @Override
    int run(LakehouseConfig config, SparkSession spark, Warehouse warehouse, String runId) {
        List<GoldReport> selected = reports == null ? GoldReports.ALL : GoldReports.withInputs(reports);
        return asOf == null ? report(config, warehouse, selected, audit(), fullRefresh)
                : reportAsOf(config, warehouse, selected, audit(), asOf);
    }

    /** The reports as of a past date into gold_asof, then their export with the historical reports up to then. */
    static int reportAsOf(LakehouseConfig config, Warehouse warehouse, List<GoldReport> reports, RunAudit audit,
                          java.time.LocalDate asOf) {
        List<GoldReport> computed = audit.stage(JobRuns.REPORT, stage -> {
            List<GoldReport> done = new java.util.ArrayList<>();
            for (ReportJob.ReportResult result : new ReportJob(warehouse, config.reportSettings())
                    .asOf(reports, asOf)) {
                String report = result.table().substring(Layer.GOLD_ASOF.schema().length() + 1);
                stage.succeeded(report, null, result.rows(), null, java.util.Map.of(result.table(), result.version()));
                done.add(GoldReports.byName(report).orElseThrow());
            }
            return done;
        });
        audit.flush();
        java.util.Map<String, Dataset<Row>> tables = new java.util.LinkedHashMap<>();
        for (GoldReport report : reports) {
            if (report.historical()) {
                String table = Layer.GOLD.table(report.name());
                if (warehouse.exists(table)) {
                    tables.put(table, warehouse.read(table).where(col(ReportJob.AS_OF).leq(lit(Date.valueOf(asOf)))));
                }
            } else if (computed.contains(report)) {
                tables.put(Layer.GOLD.table(report.name()), warehouse.read(Layer.GOLD_ASOF.table(report.name()))
                        .where(col(ReportJob.AS_OF).equalTo(lit(Date.valueOf(asOf)))).drop(ReportJob.AS_OF));
            }
        }
        java.nio.file.Path folder = java.nio.file.Path.of(config.reportsFolder()).toAbsolutePath().resolve("as-of");
        audit.stage(JobRuns.EXPORT, stage -> export(new ReportExporter().asOfDeliveryDate(), warehouse, tables,
                folder, asOf, stage));
        return 0;
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
        java.util.Map<String, Dataset<Row>> gold = new java.util.LinkedHashMap<>();
        for (GoldReport report : GoldReports.ALL) {
            String table = Layer.GOLD.table(report.name());
            if (warehouse.exists(table)) {
                gold.put(table, warehouse.read(table));
            }
        }
        java.nio.file.Path folder = java.nio.file.Path.of(config.reportsFolder()).toAbsolutePath();
        audit.stage(JobRuns.EXPORT, stage -> {
            java.util.Map<String, Long> versions = new java.util.TreeMap<>();
            for (String table : gold.keySet()) {
                versions.put(table, warehouse.version(table));
            }
            versions.put(OPERATORS, warehouse.version(OPERATORS));
            java.nio.file.Path directory = folder.resolve(audit.runDate().toString());
            java.util.Optional<ExportResult> upToDate = ExportManifest.upToDate(directory, versions);
            if (upToDate.isPresent()) {
                stage.counts(null, rowsExported(upToDate.get()), null);
                LOG.info("Exports in {} are up to date: written from the same table versions {}", directory,
                        versions);
                return upToDate.get();
            }
            ExportResult exported = export(new ReportExporter(), warehouse, gold, folder, audit.runDate(), stage);
            ExportManifest.write(versions, exported);
            return exported;
        });
        return 0;
    }

    private static long rowsExported(ExportResult exported) {
        return exported.rowCounts().values().stream().mapToLong(Integer::longValue).sum();
    }

    /** Exports the tables (CSV) and the HTML page to {@code <folder>/<date>/}. */
    private static ExportResult export(ReportExporter exporter, Warehouse warehouse,
                                       java.util.Map<String, Dataset<Row>> gold, java.nio.file.Path folder,
                                       java.time.LocalDate date, RunAudit.Stage stage) {
        ExportResult exported = exporter.export(warehouse.spark(), gold, warehouse.read(OPERATORS), folder, date);
        stage.counts(null, rowsExported(exported), null);
        LOG.info("Exports in {}: {} CSV files, {} charts{}", exported.directory(), exported.csvFiles().size(),
                exported.chartIds().size(), exported.noDataCharts().isEmpty() ? ""
                        : ", without data: " + exported.noDataCharts());
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
