package org.telcoai.lakehouse.warehouse;

import io.delta.tables.DeltaOptimizeBuilder;
import io.delta.tables.DeltaTable;
import io.delta.tables.DeltaTableBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.apache.spark.sql.delta.VersionChecksum;
import org.apache.spark.sql.delta.actions.Action;
import org.apache.spark.sql.delta.actions.AddFile;
import org.apache.spark.sql.delta.actions.CommitInfo;
import org.apache.spark.sql.delta.actions.SetTransaction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All Delta I/O of the project goes through here: table creation at absolute locations, idempotent appends,
 * replaceWhere overwrites and retried MERGE commits. Stages hand it DataFrames; they never write themselves.
 */
public final class Warehouse {

    private static final Logger LOG = LoggerFactory.getLogger(Warehouse.class);

    /**
     * Delta's default delta.deletedFileRetentionDuration (7 days): a shorter VACUUM can delete files that readers
     * of older versions, or writers still running, need.
     */
    public static final double SAFE_VACUUM_RETENTION_HOURS = 168;

    private static final String RETENTION_CHECK = "spark.databricks.delta.retentionDurationCheck.enabled";

    /** Datasets ingested, or reports computed, side by side unless configured otherwise. */
    public static final int DEFAULT_CONCURRENT_WRITES = 3;

    private final SparkSession spark;
    private final String root;
    private final int commitAttempts;
    private final int concurrentWrites;

    /** {@code root} must be absolute and scheme-qualified (see LakehouseSpark.qualify). */
    public Warehouse(SparkSession spark, String root, int commitAttempts) {
        this(spark, root, commitAttempts, DEFAULT_CONCURRENT_WRITES);
    }

    public Warehouse(SparkSession spark, String root, int commitAttempts, int concurrentWrites) {
        if (concurrentWrites < 1) {
            throw new IllegalArgumentException("concurrent writes must be at least 1, not " + concurrentWrites);
        }
        this.spark = spark;
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        this.commitAttempts = commitAttempts;
        this.concurrentWrites = concurrentWrites;
    }

    /** How many tables the jobs write at the same time (lakehouse.concurrent-writes); 1 writes one after another. */
    public int concurrentWrites() {
        return concurrentWrites;
    }

    public SparkSession spark() {
        return spark;
    }

    public String root() {
        return root;
    }

    public int commitAttempts() {
        return commitAttempts;
    }

    /** The catalog's default place for a table, so it can be read by name or by path alike. */
    public String location(String qualifiedTable) {
        String[] parts = qualifiedTable.split("\\.", 2);
        return root + "/" + parts[0] + ".db/" + parts[1];
    }

    /**
     * Creates the project's schemas the catalog lacks. One listing answers for all of them: a night asks several
     * times, and each CREATE DATABASE IF NOT EXISTS is a command of its own with a catalog round trip.
     */
    public void ensureSchemas() {
        Set<String> existing = new HashSet<>(
                scala.collection.JavaConverters.seqAsJavaList(spark.sessionState().catalog().listDatabases()));
        for (Layer layer : Layer.values()) {
            if (!existing.contains(layer.schema())) {
                // Identifiers are our own constants; the location follows spark.sql.warehouse.dir.
                spark.sql("CREATE DATABASE IF NOT EXISTS " + layer.schema());
            }
        }
    }

    /**
     * Creates the table if it does not exist; an existing table must already have every declared column. An existing
     * table is checked against its log alone: a create-if-not-exists command per table would plan and run a Delta
     * command for each of the job's tables, twice a night.
     */
    public void ensureTable(String table, StructType schema, List<String> partitionColumns,
                            Map<String, String> properties) {
        for (int attempt = 1; !spark.catalog().tableExists(table); attempt++) {
            removeAbandonedCreation(table);
            DeltaTableBuilder builder = DeltaTable.createIfNotExists(spark).tableName(table).addColumns(schema)
                    .location(location(table));
            if (!partitionColumns.isEmpty()) {
                builder = builder.partitionedBy(partitionColumns.toArray(String[]::new));
            }
            for (Map.Entry<String, String> property : properties.entrySet()) {
                builder = builder.property(property.getKey(), property.getValue());
            }
            try {
                builder.execute();
            } catch (Exception e) { // Hive's AlreadyExistsException comes through Scala undeclared
                // Two first runs at once both find no table and race to create it: one of them wins the first
                // commit or the catalog entry, the other fails and, on its next attempt, finds the winner's table.
                if (attempt >= commitAttempts || !(spark.catalog().tableExists(table)
                        || snapshot(table).version() >= 0)) {
                    throw e;
                }
                LOG.info("{}: another process created it at the same time ({}); attempt {}/{}", table,
                        String.valueOf(e.getMessage()).lines().findFirst().orElse(""), attempt + 1, commitAttempts);
                sleep(500L * attempt);
            }
        }
        Snapshot snapshot = snapshot(table);
        if (snapshot.version() < 0) {
            throw new IllegalStateException(table + " is in the catalog but " + location(table) + " holds no Delta "
                    + "table: restore the folder, or drop the table so the next run creates it empty");
        }
        StructType actual = snapshot.schema();
        for (StructField field : schema.fields()) {
            if (actual.getFieldIndex(field.name()).isEmpty()) {
                throw new IllegalStateException(table + " at " + location(table) + " has no column " + field.name()
                        + ": it was created by an older version; migrate or drop it");
            }
        }
    }

    /**
     * A process killed while creating a table leaves its folder with an empty or uncommitted _delta_log, and Delta
     * then refuses to create any table there. Such a folder holds nothing of value and goes; a folder with other
     * files and no Delta table is not ours to delete, so it stops the run with a message saying so.
     */
    private void removeAbandonedCreation(String table) {
        Path folder = new Path(location(table));
        try {
            FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(folder) || snapshot(table).version() >= 0) {
                return;
            }
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(folder, true);
            while (files.hasNext()) {
                Path file = files.next().getPath();
                if (!file.toUri().getPath().contains("/_delta_log/")) {
                    throw new IllegalStateException(table + ": " + folder + " holds files (" + file.getName()
                            + ") but no Delta table; move them away so the table can be created there");
                }
            }
            LOG.warn("{}: removing {}: a run died while creating the table there, before its first commit",
                    table, folder);
            fs.delete(folder, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot inspect " + folder, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public Dataset<Row> read(String table) {
        return spark.read().format("delta").load(location(table));
    }

    /** The table as of one committed version, so every input of a computation comes from a known state. */
    public Dataset<Row> readAt(String table, long version) {
        return spark.read().format("delta").option("versionAsOf", version).load(location(table));
    }

    /**
     * Rows changed by the commits after {@code afterVersion} up to {@code toVersion}, from the change data feed:
     * the table's columns plus _change_type (insert, delete, update_preimage, update_postimage). Fails when the
     * feed of those versions is gone (vacuumed, or written before the feed was enabled).
     */
    public Dataset<Row> changes(String table, long afterVersion, long toVersion) {
        return spark.read().format("delta").option("readChangeFeed", "true")
                .option("startingVersion", afterVersion + 1).option("endingVersion", toVersion)
                .load(location(table));
    }

    public DeltaTable delta(String table) {
        return DeltaTable.forPath(spark, location(table));
    }

    /**
     * Appends once per (appId, version): Delta records the pair in the commit and skips a later write with a
     * version not above it, so a re-run after a crash cannot duplicate the batch. Writer options, unlike the
     * session-wide txnAppId settings, cannot leak into the next write.
     *
     * @return whether this call committed the rows: false when an earlier run had already appended them
     */
    public boolean appendIdempotent(String table, Dataset<Row> rows, String appId, long version) {
        long before = snapshot(table).version(); // -1: no table yet, this write creates it
        DeltaRetry.run("append to " + table, commitAttempts, () -> rows.write().format("delta").mode("append")
                .option("txnAppId", appId).option("txnVersion", version)
                .save(location(table)));
        long after = version(table);
        return after > before && carriesTransaction(table, after, appId, version);
    }

    /** Whether the commit of {@code commitVersion} is the idempotent write (appId, txnVersion), from its file alone. */
    private boolean carriesTransaction(String table, long commitVersion, String appId, long txnVersion) {
        return commitActions(table, commitVersion).stream().anyMatch(action -> action instanceof SetTransaction txn
                && txn.appId().equals(appId) && txn.version() == txnVersion);
    }

    /** The actions of one commit, read from its file: no Spark job. */
    private List<Action> commitActions(String table, long version) {
        scala.collection.Iterator<scala.Tuple2<Object, scala.collection.Seq<Action>>> commits =
                deltaLog(table).getChanges(version, true);
        if (!commits.hasNext()) {
            throw new IllegalStateException(table + " has no commit file for version " + version + " at "
                    + location(table));
        }
        return scala.collection.JavaConverters.seqAsJavaList(commits.next()._2());
    }

    /**
     * Replaces exactly the rows matching {@code predicate}; the only way this project overwrites data. Written with
     * Delta's optimized write: the rows are regrouped by partition before writing, so a small report becomes one
     * file per partition instead of one per shuffle partition, night after night.
     *
     * <p>Into a table without files (a report's first computation, a first reference delivery) the rows are
     * appended: there is nothing to replace, and Delta would rebuild the table's state to find that out. A row
     * outside the predicate still fails the write, as replaceWhere's own check makes it fail.
     */
    public void replaceWhere(String table, Dataset<Row> rows, String predicate) {
        DeltaRetry.run("replace " + table + " where " + predicate, commitAttempts, () -> {
            // Asked again on a retry: the writer that won the race may have left files.
            if (fileCount(table) == 0) {
                Dataset<Row> checked = predicate.equals("true") ? rows
                        : rows.where(functions.expr("assert_true(" + predicate + ")").isNull());
                checked.write().format("delta").mode("append").option("optimizeWrite", "true").save(location(table));
            } else {
                rows.write().format("delta").mode("overwrite").option("replaceWhere", predicate)
                        .option("optimizeWrite", "true").save(location(table));
            }
        });
    }

    /**
     * The same with a predicate built from Columns: Spark renders it as SQL with its own quoting of literals, so
     * values taken from the data (operator ids) can never change the predicate's meaning.
     */
    public void replaceWhere(String table, Dataset<Row> rows, Column predicate) {
        replaceWhere(table, rows, predicate.expr().sql());
    }

    public void merge(String what, Runnable mergeCommit) {
        DeltaRetry.run(what, commitAttempts, mergeCommit);
    }

    /** Metrics of the table's latest commit (numTargetRowsInserted, numOutputRows, ...). */
    public Map<String, String> lastCommitMetrics(String table) {
        return lastCommit(table).metrics();
    }

    /**
     * The table's latest commit: its version and operation metrics, read from that commit's file alone. Delta's
     * history API answers the same with a Spark job per call, and every write of a night asks once.
     */
    public Commit lastCommit(String table) {
        long version = version(table);
        for (Action action : commitActions(table, version)) {
            if (action instanceof CommitInfo info) {
                return new Commit(version, info.operationMetrics().isEmpty() ? Map.of()
                        : Map.copyOf(scala.collection.JavaConverters.mapAsJavaMap(info.operationMetrics().get())));
            }
        }
        return new Commit(version, Map.of());
    }

    /** A committed version of a table and what its operation reported. */
    public record Commit(long version, Map<String, String> metrics) {

        /** A metric as a number; fails when the commit did not report it. */
        public long metric(String name) {
            String value = metrics.get(name);
            if (value == null) {
                throw new IllegalStateException("commit " + version + " reported no " + name + ": " + metrics);
            }
            return Long.parseLong(value);
        }

        /** A metric that operations report only when it is not zero. */
        public long metricOrZero(String name) {
            return Long.parseLong(metrics.getOrDefault(name, "0"));
        }
    }

    /** The table's latest committed version; fails when there is no Delta table at its location. */
    public long version(String table) {
        long version = snapshot(table).version();
        if (version < 0) {
            throw new IllegalStateException(table + " has no Delta table at " + location(table));
        }
        return version;
    }

    /**
     * The log of the table, read directly: DeltaTable's history() and detail() answer the same from a DataFrame
     * built, planned and run for each call, about half a second on a small night's critical path, dozens of times.
     */
    private DeltaLog deltaLog(String table) {
        return DeltaLog.forTable(spark, location(table));
    }

    private Snapshot snapshot(String table) {
        return deltaLog(table).update(false, scala.Option.empty(), scala.Option.empty());
    }

    public boolean exists(String table) {
        return spark.catalog().tableExists(table);
    }

    /** Qualified names of the catalog's tables (not views) in the project's schemas, in layer order. */
    public List<String> tables() {
        List<String> tables = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            if (!spark.catalog().databaseExists(layer.schema())) {
                continue;
            }
            try {
                for (Row table : spark.catalog().listTables(layer.schema()).toDF()
                        .where("NOT isTemporary AND tableType <> 'VIEW'").select("name").orderBy("name")
                        .collectAsList()) {
                    tables.add(layer.table(table.getString(0)));
                }
            } catch (org.apache.spark.sql.AnalysisException e) {
                throw new IllegalStateException("cannot list the tables of " + layer.schema(), e);
            }
        }
        return tables;
    }

    public boolean isDelta(String table) {
        return DeltaTable.isDeltaTable(spark, location(table));
    }

    /**
     * Data files of the table's current version: from the version's checksum file when it has one, as every commit
     * of this project writes; otherwise from the table's reconstructed state (a Spark job).
     */
    public long fileCount(String table) {
        Snapshot snapshot = snapshot(table);
        // Not Snapshot.numOfFilesIfKnown: in Delta 3.3 it reconstructs the state whether the checksum is there or not.
        return snapshot.checksumOpt().isDefined() ? snapshot.checksumOpt().get().numFiles() : snapshot.numOfFiles();
    }

    /** Bytes of the current version's data files, from its checksum file; empty when the version has none. */
    public OptionalLong sizeInBytes(String table) {
        scala.Option<VersionChecksum> checksum = snapshot(table).checksumOpt();
        return checksum.isDefined() ? OptionalLong.of(checksum.get().tableSizeBytes()) : OptionalLong.empty();
    }

    /**
     * Rows of the table's current version. A small table's checksum file lists its data files (Delta keeps up to 50
     * there, see {@link #rowCountFromStatistics}), whose statistics give the count without a Spark job; otherwise
     * Spark counts them.
     */
    public long rowCount(String table) {
        OptionalLong fromStatistics = rowCountFromStatistics(table);
        return fromStatistics.isPresent() ? fromStatistics.getAsLong() : read(table).count();
    }

    /**
     * The current version's rows from the record counts its checksum file gives each data file, less the rows their
     * deletion vectors remove; empty when the checksum does not list the files or a file has no record count. Delta
     * writes the list with every commit of a table of up to spark.databricks.delta.allFilesInCrc.thresholdNumFiles
     * files (50), and reading it is a file read where a count is a Spark job or three.
     */
    public OptionalLong rowCountFromStatistics(String table) {
        scala.Option<VersionChecksum> checksum = snapshot(table).checksumOpt();
        if (checksum.isEmpty() || checksum.get().allFiles().isEmpty()
                || checksum.get().allFiles().get().size() != checksum.get().numFiles()) {
            return OptionalLong.empty();
        }
        long rows = 0;
        for (AddFile file : scala.collection.JavaConverters.seqAsJavaList(checksum.get().allFiles().get())) {
            scala.Option<Object> records = file.numLogicalRecords();
            if (records.isEmpty()) {
                return OptionalLong.empty();
            }
            rows += (Long) records.get();
        }
        return OptionalLong.of(rows);
    }

    /**
     * Data files, their total bytes and the partitions of the table's current version, from the log and the file
     * list alone (each partition is a folder): no data is read.
     */
    public FileStats fileStats(String table) {
        Row detail = delta(table).detail().select("numFiles", "sizeInBytes", "partitionColumns").head();
        List<String> partitionColumns = detail.getList(2);
        long partitions = partitionColumns.isEmpty() ? 1 : java.util.Arrays.stream(read(table).inputFiles())
                .map(file -> new Path(file).getParent()).distinct().count();
        return new FileStats(detail.getLong(0), detail.getLong(1), partitions);
    }

    /** See {@link #fileStats}. */
    public record FileStats(long files, long bytes, long partitions) { }

    /**
     * Rewrites small files into larger ones (OPTIMIZE), within each partition, clustered on {@code zOrderColumns}
     * when there are any. The commit changes no data, so change data feed readers see nothing new.
     */
    public void optimize(String table, List<String> zOrderColumns) {
        DeltaRetry.run("optimize " + table, commitAttempts, () -> {
            DeltaOptimizeBuilder optimize = delta(table).optimize();
            if (zOrderColumns.isEmpty()) {
                optimize.executeCompaction();
            } else {
                optimize.executeZOrderBy(zOrderColumns.toArray(String[]::new));
            }
        });
    }

    /**
     * Deletes the files (data and change data) that no version younger than {@code retentionHours} references.
     * Delta refuses a retention below the table's deleted-file retention; {@code belowSafeRetention} lifts that
     * check for this call only.
     */
    public void vacuum(String table, double retentionHours, boolean belowSafeRetention) {
        if (!belowSafeRetention) {
            delta(table).vacuum(retentionHours);
            return;
        }
        RuntimeConfig conf = spark.conf();
        scala.Option<String> previous = conf.getOption(RETENTION_CHECK);
        conf.set(RETENTION_CHECK, "false");
        try {
            delta(table).vacuum(retentionHours);
        } finally {
            if (previous.isDefined()) {
                conf.set(RETENTION_CHECK, previous.get());
            } else {
                conf.unset(RETENTION_CHECK);
            }
        }
    }

    /** Parquet files in the table's folder outside its log, referenced or not: what VACUUM may delete. */
    public long filesOnDisk(String table) {
        Path root = new Path(location(table));
        try {
            FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
            long count = 0;
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
            while (files.hasNext()) {
                Path file = files.next().getPath();
                if (file.getName().endsWith(".parquet") && !file.toUri().getPath().contains("/_delta_log/")) {
                    count++;
                }
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }
}
