package org.telcoai.lakehouse.ops;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.telcoai.lakehouse.ops.JobRuns.Status;
import org.telcoai.lakehouse.warehouse.Warehouse;

/**
 * The ops.job_runs rows of one run, buffered until {@link #flush()} or {@link #finish}; see {@link JobRuns} for
 * what the rows mean and when they are written. Not thread-safe: one run, one thread.
 */
public final class RunAudit {

    private final Warehouse warehouse;
    private final String runId;
    private final String command;
    private final String commandLine;
    private final LocalDate runDate;
    private final Instant startedAt;
    private final List<Row> pending = new ArrayList<>();
    /** Every version any stage wrote, for the final row: the run's footprint in one place. */
    private final Map<String, Long> versions = new TreeMap<>();
    private long flushes;
    private boolean finished;

    RunAudit(Warehouse warehouse, String runId, String command, String commandLine, LocalDate runDate,
             Instant startedAt) {
        this.warehouse = warehouse;
        this.runId = runId;
        this.command = command;
        this.commandLine = commandLine;
        this.runDate = runDate;
        this.startedAt = startedAt;
        pending.add(row(JobRuns.RUN, null, Status.RUNNING, startedAt, null, null, null, null, Map.of(), null));
    }

    /** An audit that writes nothing, for read-only commands; their stages run all the same. */
    public static RunAudit unrecorded(String runId, String command, LocalDate runDate) {
        return new RunAudit(null, runId, command, null, runDate, Instant.now());
    }

    public String runId() {
        return runId;
    }

    public LocalDate runDate() {
        return runDate;
    }

    public String command() {
        return command;
    }

    /** The arguments as given (null when the run is not recorded). */
    public String commandLine() {
        return commandLine;
    }

    /**
     * Runs one stage: its row (SUCCEEDED, or FAILED with the exception's first line, which is rethrown) and the
     * rows of its targets are buffered for the next flush. The stage row's counts are the sums over its targets
     * unless set with {@link Stage#counts}; its versions are the union of theirs.
     */
    public <T> T stage(String name, Function<Stage, T> body) {
        Stage stage = new Stage(name, Instant.now());
        T result;
        try {
            result = body.apply(stage);
        } catch (Exception | Error e) { // Spark throws checked exceptions undeclared
            stage.close(Status.FAILED, oneLine(e));
            throw e;
        }
        stage.close(Status.SUCCEEDED, null);
        return result;
    }

    /** A stage not run because of an earlier failure, with the reason. */
    public void skipped(String stage, String reason) {
        Instant now = Instant.now();
        pending.add(row(stage, null, Status.SKIPPED, now, now, null, null, null, Map.of(), reason));
    }

    /** Writes the buffered rows in one idempotent commit; nothing when none are buffered. */
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        if (warehouse != null) {
            warehouse.appendIdempotent(JobRuns.TABLE, warehouse.spark().createDataFrame(pending, JobRuns.SCHEMA),
                    "ops.job_runs " + runId, ++flushes);
        }
        pending.clear();
    }

    /** Buffers the run's final row and flushes. Only the first call counts: a run ends once. */
    public void finish(Status status, String errorMessage) {
        if (finished) {
            return;
        }
        finished = true;
        pending.add(row(JobRuns.RUN, null, status, startedAt, Instant.now(), null, null, null, versions,
                errorMessage));
        flush();
    }

    /**
     * The first line of the first message in the cause chain, and the root cause's when that line does not already
     * say it (Spark's "Task failed while writing rows" hides "No space left on device"): what stderr and
     * error_message show.
     */
    public static String oneLine(Throwable error) {
        Throwable first = error;
        while (first.getMessage() == null && first.getCause() != null) {
            first = first.getCause();
        }
        if (first.getMessage() == null) {
            return error.getClass().getSimpleName();
        }
        String line = firstLine(first.getMessage());
        Throwable root = first;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != first && root.getMessage() != null && !line.contains(firstLine(root.getMessage()))) {
            line += " (cause: " + root.getClass().getSimpleName() + ": " + firstLine(root.getMessage()) + ")";
        }
        return line;
    }

    private static String firstLine(String message) {
        return message.lines().findFirst().orElse(message);
    }

    private Row row(String stage, String target, Status status, Instant started, Instant finishedAt, Long rowsIn,
                    Long rowsOut, Long rowsQuarantined, Map<String, Long> tableVersions, String error) {
        return RowFactory.create(runId, command, commandLine, Date.valueOf(runDate), stage, target, status.name(),
                Timestamp.from(started), finishedAt == null ? null : Timestamp.from(finishedAt), rowsIn, rowsOut,
                rowsQuarantined, new TreeMap<>(tableVersions), error);
    }

    private static Long plus(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(a + b);
    }

    /**
     * One stage in progress. A target row's started_at is its stage's start and finished_at the moment it was
     * recorded, so consecutive targets' finish times show how long each took.
     */
    public final class Stage {

        private final String name;
        private final Instant started;
        private final List<Row> targets = new ArrayList<>();
        private final Map<String, Long> stageVersions = new TreeMap<>();
        private Long rowsIn;
        private Long rowsOut;
        private Long rowsQuarantined;
        private boolean countsSet;

        private Stage(String name, Instant started) {
            this.name = name;
            this.started = started;
        }

        /** A target (dataset or report) done: rows in, out and quarantined (null if not applicable), versions. */
        public void succeeded(String target, Long in, Long out, Long quarantined, Map<String, Long> tableVersions) {
            targets.add(row(name, target, Status.SUCCEEDED, started, Instant.now(), in, out, quarantined,
                    tableVersions, null));
            stageVersions.putAll(tableVersions);
            if (!countsSet) {
                rowsIn = plus(rowsIn, in);
                rowsOut = plus(rowsOut, out);
                rowsQuarantined = plus(rowsQuarantined, quarantined);
            }
        }

        /** A target that failed, with its one-line reason (a quality gate). */
        public void failed(String target, String reason) {
            targets.add(row(name, target, Status.FAILED, started, Instant.now(), null, null, null, Map.of(),
                    reason));
        }

        /** The stage's own counts, for a stage without targets (export). */
        public void counts(Long in, Long out, Long quarantined) {
            countsSet = true;
            rowsIn = in;
            rowsOut = out;
            rowsQuarantined = quarantined;
        }

        private void close(Status status, String error) {
            pending.addAll(targets);
            pending.add(row(name, null, status, started, Instant.now(), rowsIn, rowsOut, rowsQuarantined,
                    stageVersions, error));
            versions.putAll(stageVersions);
        }
    }
}
