package org.telcoai.lakehouse.ops;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.telcoai.lakehouse.warehouse.Layer;
import org.telcoai.lakehouse.warehouse.Warehouse;

/**
 * ops.job_runs: the audit trail of every run, one row per run and stage (and per dataset or report within a
 * stage). Rows are only ever appended, never updated, so what a run wrote stays true whatever happens later:
 * <ul>
 *   <li>stage {@code run}, status RUNNING, finished_at null: written before any work, so a process killed with
 *       SIGKILL leaves a run that says it started and never finished;</li>
 *   <li>one row per stage ({@code ingest}, {@code gates}, {@code report}, {@code export}, target null) and one per
 *       target within it (dataset or report name) with its counts and the Delta versions it wrote; a stage
 *       not run because an earlier one failed is SKIPPED;</li>
 *   <li>stage {@code run} again, SUCCEEDED or FAILED with finished_at and the one-line error: a run is complete
 *       exactly when it has this second row.</li>
 * </ul>
 * Rows are buffered and written at a few points only (each Delta commit costs about 0.3 s): the RUNNING row, one
 * commit per {@link RunAudit#flush()}, one with the final row. The appends are idempotent per run
 * ({@code txnAppId "ops.job_runs <run id>"}, the flush number as {@code txnVersion}).
 *
 * <p>Every Spark command records its run through {@code cli/SparkJob}. A command that runs several nights in one
 * process (backfill) records each as its own run, with its own id and run date:
 * <pre>{@code
 * RunAudit night = new JobRuns(warehouse).start(JobRuns.newRunId(), audit().command(), audit().commandLine(),
 *         date);   // audit(): the backfill command's own run, in SparkJob
 * SparkJob.recorded(night, () -> NightlyCommand.night(config, warehouse, night));   // final row, rethrows
 * }</pre>
 * and a stage of one's own is recorded as
 * <pre>{@code
 * long rows = audit.stage(JobRuns.REPORT, stage -> { ...; stage.succeeded(name, null, rows, null,
 *         Map.of(table, version)); return rows; });
 * audit.flush();                                  // optional: the stages so far survive a kill
 * audit.finish(JobRuns.Status.SUCCEEDED, null);   // or FAILED with the one-line reason (SparkJob.recorded does it)
 * }</pre>
 */
public final class JobRuns {

    public static final String TABLE = Layer.OPS.table("job_runs");

    /** Stage name of a run's first and last row. */
    public static final String RUN = "run";
    public static final String INGEST = "ingest";
    public static final String GATES = "gates";
    /** nightly --full-refresh: silver, quarantine and reference tables rebuilt from bronze. */
    public static final String REBUILD = "rebuild";
    public static final String REPORT = "report";
    public static final String EXPORT = "export";

    public enum Status { RUNNING, SUCCEEDED, FAILED, SKIPPED }

    public static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("run_id", DataTypes.StringType, false),
            DataTypes.createStructField("command", DataTypes.StringType, false),
            DataTypes.createStructField("command_line", DataTypes.StringType, true),
            DataTypes.createStructField("run_date", DataTypes.DateType, false),
            DataTypes.createStructField("stage", DataTypes.StringType, false),
            DataTypes.createStructField("target", DataTypes.StringType, true),
            DataTypes.createStructField("status", DataTypes.StringType, false),
            DataTypes.createStructField("started_at", DataTypes.TimestampType, false),
            DataTypes.createStructField("finished_at", DataTypes.TimestampType, true),
            DataTypes.createStructField("rows_in", DataTypes.LongType, true),
            DataTypes.createStructField("rows_out", DataTypes.LongType, true),
            DataTypes.createStructField("rows_quarantined", DataTypes.LongType, true),
            DataTypes.createStructField("table_versions",
                    DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false), true),
            DataTypes.createStructField("error_message", DataTypes.StringType, true)));

    /**
     * Delta keeps every txnAppId in the table's state unless told to expire them; one id per run would grow it
     * forever. A retried flush comes seconds later, so a month is ample.
     */
    static final Map<String, String> PROPERTIES = Map.of("delta.setTransactionRetentionDuration", "interval 30 days");

    private final Warehouse warehouse;

    public JobRuns(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** A new, unique run id that sorts by start time: run-20260630T020000Z-1a2b3c4d. */
    public static String newRunId() {
        return "run-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .format(Instant.now()) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public void ensureTable() {
        warehouse.ensureTable(TABLE, SCHEMA, List.of(), PROPERTIES);
    }

    /**
     * Records that a run started (the RUNNING row, committed before this returns) and returns its audit.
     *
     * @param command     the subcommand, e.g. {@code nightly} or {@code notebook run}
     * @param commandLine the arguments as given, stored as data
     */
    public RunAudit start(String runId, String command, String commandLine, LocalDate runDate) {
        warehouse.ensureSchemas();
        ensureTable();
        RunAudit audit = new RunAudit(warehouse, runId, command, commandLine, runDate, Instant.now());
        audit.flush();
        return audit;
    }
}
