package org.telcoai.lakehouse.cli;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.telcoai.lakehouse.config.LakehouseConfig;
import org.telcoai.lakehouse.ops.JobRuns;
import org.telcoai.lakehouse.ops.RunAudit;
import org.telcoai.lakehouse.spark.LakehouseSpark;
import org.telcoai.lakehouse.warehouse.Warehouse;
import org.telcoai.lakehouse.warehouse.WriterLock;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand that needs Spark: the session is always stopped, whatever happens, before the exit code. The run
 * is recorded in ops.job_runs (see JobRuns): RUNNING when Spark is up, then SUCCEEDED or FAILED with the same
 * one-line reason stderr shows. A command that writes holds the warehouse's WriterLock from before Spark starts
 * until after it stops.
 */
abstract class SparkJob implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    /** Where the session comes from and goes; tests hand in their shared session, which outlives a command. */
    Sessions sessions = Sessions.OWN;

    private RunAudit audit;

    @Override
    public final Integer call() throws Exception {
        LakehouseConfig config = prepare(common.load());
        String runId = JobRuns.newRunId();
        beforeSpark(config);
        if (recordsRun()) {
            requireWritableLocalFolder("warehouse", config.warehouse());
        }
        try (WriterLock writing = writesData() ? WriterLock.acquire(config.warehouse(), runId,
                config.writerLockTimeout()) : null) {
            return callWithSpark(config, runId);
        }
    }

    private int callWithSpark(LakehouseConfig config, String runId) throws Exception {
        SparkSession spark = sessions.open(config, getClass().getSimpleName(), this::configure);
        try {
            Warehouse warehouse = new Warehouse(spark, LakehouseSpark.qualify(config.warehouse()),
                    config.commitRetries(), config.concurrentWrites());
            LocalDate runDate = runDateOption() != null ? runDateOption() : RunDates.todayUtc();
            String command = spec.qualifiedName(" ").substring(spec.root().name().length()).trim();
            audit = recordsRun()
                    ? new JobRuns(warehouse).start(runId, command,
                            commandLine(spec.root().commandLine().getParseResult().originalArgs()), runDate)
                    : RunAudit.unrecorded(runId, command, runDate);
            return recorded(audit, () -> run(config, spark, warehouse, runId));
        } finally {
            sessions.close(spark);
        }
    }

    /**
     * A local folder the job must write to, created if missing and probed with a file: one that cannot be written
     * (a file in the way, no permission, a read-only mount) fails here in one line, before Spark and its catalog
     * start and bury the cause in a metastore stack trace. Other file systems are left to Hadoop.
     */
    static void requireWritableLocalFolder(String what, String location) {
        java.nio.file.Path folder = WriterLock.localFolder(location);
        if (folder == null) {
            return;
        }
        try {
            java.nio.file.Files.createDirectories(folder);
            java.nio.file.Files.delete(java.nio.file.Files.createTempFile(folder, ".write-probe-", ""));
        } catch (java.io.IOException | SecurityException e) {
            throw new IllegalStateException("the " + what + " " + folder.toAbsolutePath() + " is not writable: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    /** The configuration this command runs with, before Spark starts (bench points it at a fresh folder). */
    LakehouseConfig prepare(LakehouseConfig loaded) throws Exception {
        return loaded;
    }

    /** Work that needs no Spark (such as generating demo files) and must happen before it starts. */
    void beforeSpark(LakehouseConfig config) throws Exception {
    }

    /** Settings of this command's session on top of the job's. */
    SparkConf configure(SparkConf conf) {
        return conf;
    }

    /** The command's --run-date, if it has one; the run date is today (UTC) otherwise. */
    LocalDate runDateOption() {
        return null;
    }

    /** False for read-only commands, which must not write to the warehouse, not even their run. */
    boolean recordsRun() {
        return true;
    }

    /**
     * True for commands that write tables, which take the warehouse's WriterLock; false for those that only read
     * and record their own run (serve, notebook), so a JDBC server never holds up the night.
     */
    boolean writesData() {
        return recordsRun();
    }

    /** This run's audit (runId and runDate resolved once); valid inside {@link #run}. */
    RunAudit audit() {
        return audit;
    }

    abstract int run(LakehouseConfig config, SparkSession spark, Warehouse warehouse, String runId) throws Exception;

    /**
     * Runs {@code body} as the audited run and writes its final row: SUCCEEDED for exit code 0, else FAILED with
     * the exception's one-line reason. An audit write that fails after the body failed does not hide its error.
     */
    static int recorded(RunAudit audit, Callable<Integer> body) throws Exception {
        int code;
        try {
            code = body.call();
        } catch (Exception | Error e) {
            try {
                audit.finish(JobRuns.Status.FAILED, RunAudit.oneLine(e));
            } catch (Exception | Error auditFailure) { // Spark throws checked exceptions undeclared
                e.addSuppressed(auditFailure);
            }
            throw e;
        }
        audit.finish(code == 0 ? JobRuns.Status.SUCCEEDED : JobRuns.Status.FAILED,
                code == 0 ? null : "exit code " + code);
        return code;
    }

    /** The arguments as a shell would take them back: one with a space, quote or other special is single-quoted. */
    static String commandLine(List<String> args) {
        return args.stream().map(a -> a.matches("[A-Za-z0-9_./:=@%+,-]+") ? a : "'" + a.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
    }

    /** How a command gets its SparkSession and lets it go. */
    interface Sessions {

        /** A session for the command; {@code configure} adds the command's own settings to the job's. */
        SparkSession open(LakehouseConfig config, String appName, UnaryOperator<SparkConf> configure)
                throws IOException;

        void close(SparkSession spark);

        /** The job's own session, stopped at the end so the process exits with the job's code. */
        Sessions OWN = new Sessions() {
            @Override
            public SparkSession open(LakehouseConfig config, String appName, UnaryOperator<SparkConf> configure)
                    throws IOException {
                return LakehouseSpark.create(configure.apply(LakehouseSpark.conf(config, appName)));
            }

            @Override
            public void close(SparkSession spark) {
                spark.stop();
            }
        };
    }
}
