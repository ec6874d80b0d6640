package org.telcoai.lakehouse.ops;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.telcoai.lakehouse.warehouse.Layer;
import org.telcoai.lakehouse.warehouse.Warehouse;

/**
 * ops.ingest_log: one row per landing file and content (path, sha256). A file is written STARTED before any of
 * its rows is, so a run that dies half-way is found and finished by the next run with the same batch number.
 */
public final class IngestLog {

    public static final String TABLE = Layer.OPS.table("ingest_log");

    public enum Status { STARTED, INGESTED, REJECTED }

    public static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("dataset", DataTypes.StringType, false),
            DataTypes.createStructField("delivery_date", DataTypes.DateType, true),
            DataTypes.createStructField("file_path", DataTypes.StringType, false),
            DataTypes.createStructField("file_name", DataTypes.StringType, false),
            DataTypes.createStructField("format", DataTypes.StringType, true),
            DataTypes.createStructField("size_bytes", DataTypes.LongType, false),
            DataTypes.createStructField("modified_at", DataTypes.TimestampType, true),
            DataTypes.createStructField("sha256", DataTypes.StringType, true),
            DataTypes.createStructField("batch", DataTypes.LongType, false),
            DataTypes.createStructField("run_id", DataTypes.StringType, false),
            DataTypes.createStructField("status", DataTypes.StringType, false),
            DataTypes.createStructField("rows_read", DataTypes.LongType, true),
            DataTypes.createStructField("rows_accepted", DataTypes.LongType, true),
            DataTypes.createStructField("rows_quarantined", DataTypes.LongType, true),
            DataTypes.createStructField("message", DataTypes.StringType, true),
            DataTypes.createStructField("started_at", DataTypes.TimestampType, false),
            DataTypes.createStructField("finished_at", DataTypes.TimestampType, true)));

    /** One row of the log. */
    public record Entry(String dataset, LocalDate deliveryDate, String filePath, String fileName, String format,
                        long sizeBytes, Instant modifiedAt, String sha256, long batch, String runId, Status status,
                        Long rowsRead, Long rowsAccepted, Long rowsQuarantined, String message, Instant startedAt,
                        Instant finishedAt) {

        public boolean finished() {
            return status != Status.STARTED;
        }

        public Entry finish(Status newStatus, Long read, Long accepted, Long quarantined, String note,
                            Instant at) {
            return new Entry(dataset, deliveryDate, filePath, fileName, format, sizeBytes, modifiedAt, sha256, batch,
                    runId, newStatus, read, accepted, quarantined, note, startedAt, at);
        }

        Row toRow() {
            return RowFactory.create(dataset, deliveryDate == null ? null : Date.valueOf(deliveryDate), filePath,
                    fileName, format, sizeBytes, modifiedAt == null ? null : Timestamp.from(modifiedAt), sha256,
                    batch, runId, status.name(), rowsRead, rowsAccepted, rowsQuarantined, message,
                    Timestamp.from(startedAt), finishedAt == null ? null : Timestamp.from(finishedAt));
        }

        static Entry fromRow(Row r) {
            return new Entry(r.getString(0), r.isNullAt(1) ? null : r.getDate(1).toLocalDate(), r.getString(2),
                    r.getString(3), r.getString(4), r.getLong(5),
                    r.isNullAt(6) ? null : r.getTimestamp(6).toInstant(), r.getString(7), r.getLong(8),
                    r.getString(9), Status.valueOf(r.getString(10)), r.isNullAt(11) ? null : r.getLong(11),
                    r.isNullAt(12) ? null : r.getLong(12), r.isNullAt(13) ? null : r.getLong(13), r.getString(14),
                    r.getTimestamp(15).toInstant(), r.isNullAt(16) ? null : r.getTimestamp(16).toInstant());
        }
    }

    private final Warehouse warehouse;

    public IngestLog(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    public void ensureTable() {
        warehouse.ensureTable(TABLE, SCHEMA, List.of(), java.util.Map.of());
    }

    public List<Entry> entries(String dataset) {
        return entries(col("dataset").equalTo(dataset));
    }

    /** Every entry, grouped by dataset: one read of the log for a whole night. */
    public Map<String, List<Entry>> entriesByDataset() {
        Map<String, List<Entry>> byDataset = new TreeMap<>();
        for (Entry entry : entries(lit(true))) {
            byDataset.computeIfAbsent(entry.dataset(), dataset -> new ArrayList<>()).add(entry);
        }
        return byDataset;
    }

    private List<Entry> entries(Column filter) {
        List<Entry> entries = new ArrayList<>();
        for (Row row : warehouse.read(TABLE).where(filter).select(java.util.Arrays.stream(SCHEMA.fieldNames())
                .map(org.apache.spark.sql.functions::col).toArray(Column[]::new)).collectAsList()) {
            entries.add(Entry.fromRow(row));
        }
        return entries;
    }

    /** Per dataset, the newest delivery date up to {@code upTo} with an ingested file (built-in files have none). */
    public Map<String, LocalDate> newestDeliveries(LocalDate upTo) {
        Map<String, LocalDate> newest = new TreeMap<>();
        for (Row row : warehouse.read(TABLE).where(col("status").equalTo(Status.INGESTED.name())
                        .and(col("delivery_date").leq(Date.valueOf(upTo))))
                .groupBy("dataset").agg(max("delivery_date")).collectAsList()) {
            newest.put(row.getString(0), row.getDate(1).toLocalDate());
        }
        return newest;
    }

    /**
     * Inserts or updates entries by (file_path, sha256). Synchronized: two writers in one process would race for the
     * same unpartitioned table and retry each other's MERGE.
     */
    public synchronized void upsert(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Dataset<Row> source = warehouse.spark().createDataFrame(entries.stream().map(Entry::toRow).toList(), SCHEMA);
        warehouse.merge("update " + TABLE, () -> warehouse.delta(TABLE).as("t")
                .merge(source.as("s"), col("t.file_path").equalTo(col("s.file_path"))
                        .and(col("t.sha256").eqNullSafe(col("s.sha256"))))
                .whenMatched().updateAll()
                .whenNotMatched().insertAll()
                .execute());
    }
}
