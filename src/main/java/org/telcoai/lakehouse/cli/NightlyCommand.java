package org.telcoai.lakehouse.cli;

import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import org.telcoai.lakehouse.config.LakehouseConfig;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.gold.GoldReports;
import org.telcoai.lakehouse.landing.LandingZone;
import org.telcoai.lakehouse.pipeline.IngestJob;
import org.telcoai.lakehouse.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = {"Runs every stage for a night: ingest (landing -> bronze -> silver, quarantine), then the "
            + "gold reports, incrementally: only gold rows that the night's silver changes affect are recomputed.",
            "Running the same night again changes no table.",
            "With an empty landing zone it first generates the demo data set (lakehouse.demo.* settings)."})
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
        GenerateCommand.generateDemoIfEmpty(config);
    }

    @Override
    int run(LakehouseConfig config, SparkSession spark, Warehouse warehouse, String runId) {
        return night(config, spark, warehouse, runId, runDate == null ? RunDates.todayUtc() : runDate,
                fullRefresh);
    }

    /** One night: ingest every delivery dated up to it, optionally rebuild silver, then bring gold up to date. */
    static int night(LakehouseConfig config, SparkSession spark, Warehouse warehouse, String runId, LocalDate night,
                     boolean fullRefresh) {
        IngestCommand.ingest(config, spark, warehouse, runId, night, Datasets.ALL);
        if (fullRefresh) {
            LandingZone landing = new LandingZone(config.landing(), spark.sparkContext().hadoopConfiguration());
            Summary.print(runId + " (rebuilt from bronze)", night,
                    new IngestJob(warehouse, landing, runId).rebuild(Datasets.ALL));
        }
        return ReportCommand.report(config, warehouse, GoldReports.ALL, night, fullRefresh, runId);
    }
}
