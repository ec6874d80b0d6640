package org.telcoai.lakehouse.cli;

import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import org.telcoai.lakehouse.config.LakehouseConfig;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.ops.JobRuns;
import org.telcoai.lakehouse.ops.RunAudit;
import org.telcoai.lakehouse.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = {"Runs every stage for a night: ingest (landing -> bronze -> silver, quarantine), then the "
            + "gold reports.",
            "With an empty landing zone it first generates the demo data set (lakehouse.demo.* settings).",
            "A failed quality gate (lakehouse.quality-gates) stops the night before the reports: exit 1."})
final class NightlyCommand extends SparkJob {

    @Option(names = "--run-date", paramLabel = "YYYY-MM-DD", converter = RunDates.class,
            description = "The night to run: deliveries dated up to this day. Default: today (UTC).")
    LocalDate runDate;

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
        return night(config, warehouse, audit());
    }

    /**
     * One night, recorded in {@code audit}: ingest and the quality gates, then the reports and exports. When
     * ingest or a gate fails, the reports and exports are SKIPPED, so gold keeps the previous night's content.
     */
    static int night(LakehouseConfig config, Warehouse warehouse, RunAudit audit) {
        try {
            IngestCommand.ingest(config, warehouse, audit, Datasets.ALL);
        } catch (RuntimeException e) {
            audit.skipped(JobRuns.REPORT, RunAudit.oneLine(e));
            audit.skipped(JobRuns.EXPORT, RunAudit.oneLine(e));
            throw e;
        }
        audit.flush();
        return ReportCommand.report(config, warehouse, org.telcoai.lakehouse.gold.GoldReports.ALL, audit);
    }
}
