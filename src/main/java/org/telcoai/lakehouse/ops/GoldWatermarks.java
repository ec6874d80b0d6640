package org.telcoai.lakehouse.ops;

import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.telcoai.lakehouse.warehouse.Layer;
import org.telcoai.lakehouse.warehouse.Warehouse;

/**
 * ops.gold_watermarks: for each gold report, the Delta version of every source table its current content was
 * computed from. The next run reads the change feed after those versions to find what to recompute; a report
 * whose sources are all at their recorded versions is left alone.
 */
public final class GoldWatermarks {

    public static final String TABLE = Layer.OPS.table("gold_watermarks");

    public static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("report", DataTypes.StringType, false),
            DataTypes.createStructField("source_table", DataTypes.StringType, false),
            DataTypes.createStructField("source_version", DataTypes.LongType, false),
            DataTypes.createStructField("mode", DataTypes.StringType, false),
            DataTypes.createStructField("run_id", DataTypes.StringType, false),
            DataTypes.createStructField("computed_at", DataTypes.TimestampType, false)));

    /** The sources one computation of a report read, at the versions it read them. */
    public record Watermark(String report, Map<String, Long> sourceVersions, String mode, String runId,
                            Instant computedAt) {

        public Watermark {
            sourceVersions = Map.copyOf(sourceVersions);
        }
    }

    private final Warehouse warehouse;

    public GoldWatermarks(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    public void ensureTable() {
        warehouse.ensureTable(TABLE, SCHEMA, List.of(), Map.of());
    }

    /** Source versions per report, for every report computed before. */
    public Map<String, Map<String, Long>> all() {
        Map<String, Map<String, Long>> byReport = new HashMap<>();
        for (Row row : warehouse.read(TABLE).select("report", "source_table", "source_version").collectAsList()) {
            byReport.computeIfAbsent(row.getString(0), r -> new TreeMap<>()).put(row.getString(1), row.getLong(2));
        }
        return byReport;
    }

    /** Replaces the watermarks of the given reports in one commit. */
    public void save(List<Watermark> watermarks) {
        if (watermarks.isEmpty()) {
            return;
        }
        List<Row> rows = new ArrayList<>();
        for (Watermark w : watermarks) {
            for (Map.Entry<String, Long> source : new TreeMap<>(w.sourceVersions()).entrySet()) {
                rows.add(RowFactory.create(w.report(), source.getKey(), source.getValue(), w.mode(), w.runId(),
                        Timestamp.from(w.computedAt())));
            }
        }
        warehouse.replaceWhere(TABLE, warehouse.spark().createDataFrame(rows, SCHEMA),
                col("report").isin(watermarks.stream().map(Watermark::report).toArray()));
    }
}
