package org.telcoai.lakehouse.cli;

import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telcoai.lakehouse.config.LakehouseConfig;
import org.telcoai.lakehouse.ops.JobRuns;
import org.telcoai.lakehouse.ops.RunAudit;
import org.telcoai.lakehouse.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = {"Runs the nightly for every day from --from to --to, in order, in one Spark session: each "
            + "night ingests the deliveries dated up to it and updates gold incrementally, as the scheduled nights "
            + "would have.",
            "Stops at the first night that fails; nights already done are safe to run again."})
final class BackfillCommand extends SparkJob {

    private static final Logger LOG = LoggerFactory.getLogger(BackfillCommand.class);
    /** A guard against a mistyped year turning one command into decades of nights. */
    static final int MAX_NIGHTS = 3660;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", converter = RunDates.class,
            description = "First night.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", converter = RunDates.class,
            description = "Last night (inclusive).")
    LocalDate to;

    @Override
    void beforeSpark(LakehouseConfig config) {
        config.qualityGates();
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        if (from.plusDays(MAX_NIGHTS).isBefore(to)) {
            throw new IllegalArgumentException("backfill of more than " + MAX_NIGHTS + " nights: split it");
        }
    }

    @Override
    LocalDate runDateOption() {
        return to;
    }

    /** Each night is recorded in ops.job_runs as a run of its own (id: the backfill's id and the date). */
    @Override
    int run(LakehouseConfig config, SparkSession spark, Warehouse warehouse, String runId) throws Exception {
        JobRuns runs = new JobRuns(warehouse);
        for (LocalDate night = from; !night.isAfter(to); night = night.plusDays(1)) {
            long started = System.nanoTime();
            RunAudit audit = runs.start(runId + "-" + night, audit().command(), audit().commandLine(), night);
            int code = SparkJob.recorded(audit, () -> NightlyCommand.night(config, warehouse, audit, false));
            LOG.info("Backfill night {} done with exit code {} ({} s)", night, code,
                    String.format("%.1f", (System.nanoTime() - started) / 1e9));
            if (code != 0) {
                return code;
            }
        }
        return 0;
    }
}
