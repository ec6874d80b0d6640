package org.telcoai.lakehouse.cli;

import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import org.telcoai.lakehouse.config.LakehouseConfig;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.gold.GoldReports;
import org.telcoai.lakehouse.landing.LandingZone;
import org.telcoai.lakehouse.ops.JobRuns;
import org.telcoai.lakehouse.ops.RunAudit;
import org.telcoai.lakehouse.pipeline.DatasetResult;
import org.telcoai.lakehouse.pipeline.IngestJob;
import org.telcoai.lakehouse.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = {"Runs every stage for a night: ingest (landing -> bronze -> silver, quarantine), then the "
            + "gold reports, incrementally: only gold rows that the night's silver changes affect are recomputed.",
            "Running the same night again changes no table.",
            "With an empty landing zone it first generates the demo data set (lakehouse.demo.* settings).",
            "A failed quality gate (lakehouse.quality-gates) stops the night before the reports: exit 1."})
final class NightlyCommand extends SparkJob {

    @Option(names = "--run-date", paramLabel = "YYYY-MM-DD", converter = RunDates.class,
            description = "The night to run: deliveries dated up to this day. Default: today (UTC).")
    LocalDate runDate;

    @Option(names = "--full-refresh",
            description = "After ingesting, rebuild silver, quarantine and reference tables from all of bronze "
                    + "(re-validated against today's reference data) and recompute every gold row.")
    boolean fullRefresh;

    @Override
    void beforeSpark(LakehouseConfig config) throws Exception {
        config.qualityGates();
        GenerateCommand.generateDemoIfEmpty(config);
    }

    @Override
    LocalDate runDateOption() {
        return runDate;
    }

    @Override
    int run(LakehouseConfig config, SparkSession spark, Warehouse warehouse, String runId) {
        return night(config, warehouse, audit(), fullRefresh);
    }

    /**
     * One night, recorded in {@code audit}: ingest and the quality gates (with --full-refresh, silver rebuilt
     * from bronze), then the reports and exports. When ingest or a gate fails, the reports and exports are
     * SKIPPED, so gold keeps the previous night's content and the next night catches up.
     */
    static int night(LakehouseConfig config, Warehouse warehouse, RunAudit audit, boolean fullRefresh) {
        try {
            IngestCommand.ingest(config, warehouse, audit, Datasets.ALL);
            if (fullRefresh) {
                rebuild(config, warehouse, audit);
            }
        } catch (Exception e) { // Spark throws checked exceptions undeclared
            audit.skipped(JobRuns.REPORT, RunAudit.oneLine(e));
            audit.skipped(JobRuns.EXPORT, RunAudit.oneLine(e));
            throw e;
        }
        audit.flush();
        return ReportCommand.report(config, warehouse, GoldReports.ALL, audit, fullRefresh);
    }

    private static void rebuild(LakehouseConfig config, Warehouse warehouse, RunAudit audit) {
        LandingZone landing = new LandingZone(config.landing(), warehouse.spark().sparkContext().hadoopConfiguration());
        Summary.print(audit.runId() + " (silver rebuilt from bronze)", audit.runDate(),
                audit.stage(JobRuns.REBUILD, stage -> {
                    java.util.List<DatasetResult> results =
                            new IngestJob(warehouse, landing, audit.runId()).rebuild(Datasets.ALL);
                    results.forEach(r -> stage.succeeded(r.dataset(), r.rowsRead(), r.rowsAccepted(),
                            r.rowsQuarantined(), r.tableVersions()));
                    return results;
                }));
    }
}
