package org.telcoai.lakehouse.cli;

import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import org.telcoai.lakehouse.config.LakehouseConfig;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = {"Runs every stage for a night: ingest (landing -> bronze -> silver, quarantine), then the "
            + "gold reports.",
            "With an empty landing zone it first generates the demo data set (lakehouse.demo.* settings)."})
final class NightlyCommand extends SparkJob {

    @Option(names = "--run-date", paramLabel = "YYYY-MM-DD", converter = RunDates.class,
            description = "The night to run: deliveries dated up to this day. Default: today (UTC).")
    LocalDate runDate;

    @Override
    void beforeSpark(LakehouseConfig config) throws Exception {
        GenerateCommand.generateDemoIfEmpty(config);
    }

    @Override
    int run(LakehouseConfig config, SparkSession spark, Warehouse warehouse, String runId) {
        LocalDate night = runDate == null ? RunDates.todayUtc() : runDate;
        IngestCommand.ingest(config, spark, warehouse, runId, night, Datasets.ALL);
        return ReportCommand.report(config, warehouse, org.telcoai.lakehouse.gold.GoldReports.ALL, night);
    }
}
