package org.telcoai.lakehouse.silver;

import static org.apache.spark.sql.functions.*;
import static org.telcoai.lakehouse.bronze.Lineage.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telcoai.lakehouse.datasets.ColumnSpec;
import org.telcoai.lakehouse.datasets.DatasetSpec;
import org.telcoai.lakehouse.datasets.DatasetSpec.Partitioning;
import org.telcoai.lakehouse.datasets.DatasetSpec.UsdConversion;
import org.telcoai.lakehouse.warehouse.Warehouse;

/**
 * Brings validated rows into silver: one version per key (the latest by the contract's order), merged so that
 * an older version arriving late never replaces a newer one, or, for reference data, the whole table replaced.
 */
public final class SilverWriter {

    private static final Logger LOG = LoggerFactory.getLogger(SilverWriter.class);

    private final Warehouse warehouse;

    public SilverWriter(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Valid rows of a validated batch, shaped as the silver table. */
    public static Dataset<Row> silverRows(DatasetSpec spec, Dataset<Row> validated) {
        List<Column> out = new ArrayList<>();
        for (ColumnSpec column : spec.columns()) {
            out.add(col(Validation.typed(column.name())).as(column.name()));
        }
        for (UsdConversion usd : spec.usdConversions()) {
            out.add(col(usd.targetColumn()));
        }
        spec.partition().ifPresent(p -> out.add(year(col(Validation.typed(p.sourceColumn()))).as(p.column())));
        for (String lineage : SilverSchema.LINEAGE) {
            out.add(col(lineage));
        }
        return validated.where(size(col(Validation.REASONS)).equalTo(0)).select(out.toArray(Column[]::new));
    }

    /**
     * The contract's version order, latest first: version columns (capex updated_at), then delivery date, file
     * name, row in file, and the ingest batch (a file re-delivered with new content under the same name).
     */
    static List<Column> versionOrder(DatasetSpec spec, String alias) {
        String prefix = alias == null ? "" : alias + ".";
        List<Column> order = new ArrayList<>();
        for (String version : spec.versionColumns()) {
            order.add(col(prefix + version));
        }
        order.add(col(prefix + DELIVERY_DATE));
        order.add(substring_index(col(prefix + SOURCE_FILE), "/", -1));
        order.add(col(prefix + ROW_NUMBER));
        order.add(col(prefix + INGEST_BATCH));
        return order;
    }

    /** One row per key: the latest version. A MERGE source must not hold a key twice. */
    public static Dataset<Row> latestPerKey(DatasetSpec spec, Dataset<Row> rows) {
        Column[] keys = spec.keyColumns().stream().map(k -> col(k)).toArray(Column[]::new);
        Column[] newestFirst = versionOrder(spec, null).stream().map(Column::desc_nulls_last).toArray(Column[]::new);
        return rows.withColumn("__version_rank", row_number().over(Window.partitionBy(keys).orderBy(newestFirst)))
                .where(col("__version_rank").equalTo(1)).drop("__version_rank");
    }

    /** Lexicographic "s is a later version than t" over {@link #versionOrder}. */
    static Column newer(DatasetSpec spec) {
        List<Column> s = versionOrder(spec, "s");
        List<Column> t = versionOrder(spec, "t");
        Column result = lit(false);
        for (int i = s.size() - 1; i >= 0; i--) {
            // null (built-in reference data has no delivery date) sorts before any value
            Column greater = s.get(i).isNotNull().and(t.get(i).isNull().or(s.get(i).gt(t.get(i))));
            Column equal = s.get(i).eqNullSafe(t.get(i));
            result = greater.or(equal.and(result));
        }
        return result;
    }

    /**
     * Merges one batch of silver rows; returns the MERGE's metrics. Into an empty table (the first delivery) the
     * latest rows per key are appended instead: there is nothing to match, and a MERGE would still join the batch
     * with the table and write it in two passes. The append is idempotent under {@code batch}; a re-run after it
     * committed finds the table filled and MERGEs, which changes nothing (every version is already there).
     */
    public Map<String, String> merge(DatasetSpec spec, Dataset<Row> silverRows, long batch) {
        String table = SilverSchema.table(spec);
        if (warehouse.fileCount(table) == 0) {
            Dataset<Row> latest = latestPerKey(spec, silverRows);
            if (spec.partition().isPresent()) {
                // As MERGE does before writing: one file per partition, not one per shuffle partition in each.
                latest = latest.repartition(col(spec.partition().get().column()));
            }
            warehouse.appendIdempotent(table, latest, "merge " + table, batch);
            Map<String, String> metrics = warehouse.lastCommitMetrics(table);
            LOG.info("{}: empty, so appended {} rows (latest version per key)", table,
                    metrics.getOrDefault("numOutputRows", "?"));
            return metrics;
        }
        Dataset<Row> source = latestPerKey(spec, silverRows).cache();
        try {
            Column condition = lit(true);
            for (String key : spec.keyColumns()) {
                condition = condition.and(col("t." + key).equalTo(col("s." + key)));
            }
            if (spec.partition().isPresent()) {
                condition = condition.and(col("t." + spec.partition().get().column())
                        .isin(partitionsTouched(spec, spec.partition().get(), source).toArray()));
            }
            Column mergeCondition = condition;
            warehouse.merge("merge into " + table, () -> warehouse.delta(table).as("t")
                    .merge(source.as("s"), mergeCondition)
                    .whenMatched(newer(spec)).updateAll()
                    .whenNotMatched().insertAll()
                    .execute());
            Map<String, String> metrics = warehouse.lastCommitMetrics(table);
            LOG.info("{}: merged {} source rows: {} inserted, {} updated (newer versions), {} files rewritten", table,
                    metrics.getOrDefault("numSourceRows", "?"), metrics.getOrDefault("numTargetRowsInserted", "?"),
                    metrics.getOrDefault("numTargetRowsUpdated", "?"),
                    metrics.getOrDefault("numTargetFilesRemoved", "?"));
            return metrics;
        } finally {
            source.unpersist();
        }
    }

    /**
     * Brings one batch's silver rows, every version and not only the latest, into {@link SilverVersions#table}, and
     * sets when each version of the keys they touch was superseded. The keys' versions already there and the batch
     * are recomputed together and MERGEd by version identity, so a resumed batch changes nothing it already wrote.
     */
    public Map<String, String> mergeVersions(DatasetSpec spec, Dataset<Row> silverRows, long batch) {
        String table = SilverVersions.table(spec);
        Dataset<Row> arriving = SilverVersions.arriving(silverRows);
        if (warehouse.fileCount(table) == 0) {
            Dataset<Row> versions = SilverVersions.withSuperseded(spec, arriving);
            if (spec.partition().isPresent()) {
                versions = versions.repartition(col(spec.partition().get().column()));
            }
            warehouse.appendIdempotent(table, versions, "merge " + table, batch);
            Map<String, String> metrics = warehouse.lastCommitMetrics(table);
            LOG.info("{}: empty, so appended {} versions", table, metrics.getOrDefault("numOutputRows", "?"));
            return metrics;
        }
        String[] keys = spec.keyColumns().toArray(String[]::new);
        Dataset<Row> known = warehouse.read(table);
        if (spec.partition().isPresent() && spec.partition().get().keyDerived()) {
            // A key never leaves its partition: its versions are in the partitions the batch brings.
            String partition = spec.partition().get().column();
            known = known.where(col(partition).isin(distinctInts(arriving, partition).toArray()));
        }
        Dataset<Row> touched = known.join(arriving.selectExpr(quoted(keys)).distinct(), seq(keys), "left_semi")
                .drop(SilverVersions.SUPERSEDED_IN);
        // A resumed batch finds its own versions already there: one of each.
        Dataset<Row> recomputed = SilverVersions.withSuperseded(spec, touched.unionByName(arriving)
                .dropDuplicates(SilverVersions.VERSION_IDENTITY.toArray(String[]::new))).cache();
        try {
            Column condition = lit(true);
            for (String column : spec.keyColumns()) {
                condition = condition.and(col("t." + column).equalTo(col("s." + column)));
            }
            for (String column : SilverVersions.VERSION_IDENTITY) {
                condition = condition.and(col("t." + column).equalTo(col("s." + column)));
            }
            if (spec.partition().isPresent()) {
                String partition = spec.partition().get().column();
                condition = condition.and(col("t." + partition)
                        .isin(distinctInts(recomputed, partition).toArray()));
            }
            Column mergeCondition = condition;
            String superseded = SilverVersions.SUPERSEDED_IN;
            long before = warehouse.version(table);
            warehouse.merge("merge into " + table, () -> warehouse.delta(table).as("t")
                    .merge(recomputed.as("s"), mergeCondition)
                    .whenMatched(not(col("t." + superseded).eqNullSafe(col("s." + superseded))))
                    .updateExpr(Map.of(superseded, "s." + superseded))
                    .whenNotMatched().insertAll()
                    .execute());
            if (warehouse.version(table) == before) {
                LOG.info("{}: every version of the batch was already there", table);
                return Map.of();
            }
            Map<String, String> metrics = warehouse.lastCommitMetrics(table);
            LOG.info("{}: {} versions arrived, {} earlier versions superseded", table,
                    metrics.getOrDefault("numTargetRowsInserted", "?"),
                    metrics.getOrDefault("numTargetRowsUpdated", "?"));
            return metrics;
        } finally {
            recomputed.unpersist();
        }
    }

    private static List<Integer> distinctInts(Dataset<Row> rows, String column) {
        return rows.select(column).distinct().collectAsList().stream().map(row -> row.getInt(0)).sorted().toList();
    }

    private static scala.collection.Seq<String> seq(String[] names) {
        return scala.collection.JavaConverters.asScalaBuffer(List.of(names)).toSeq();
    }

    /**
     * Partition values the MERGE may touch, so it prunes all others: the source's own, and where a key can move
     * between partitions (a restated date), also those where the target holds these keys today.
     */
    private List<Integer> partitionsTouched(DatasetSpec spec, Partitioning partition, Dataset<Row> source) {
        TreeSet<Integer> values = new TreeSet<>(distinctInts(source, partition.column()));
        if (!partition.keyDerived()) {
            String[] keys = spec.keyColumns().toArray(String[]::new);
            Dataset<Row> target = warehouse.read(SilverSchema.table(spec));
            Dataset<Row> sourceKeys = source.selectExpr(quoted(keys)).distinct();
            for (Row row : target.join(sourceKeys, seq(keys), "left_semi")
                    .select(partition.column()).distinct().collectAsList()) {
                values.add(row.getInt(0));
            }
        }
        return List.copyOf(values);
    }

    private static String[] quoted(String[] names) {
        String[] out = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = "`" + names[i] + "`";
        }
        return out;
    }

    /** A reference delivery is the complete table: replace it, keeping one row per key. */
    public long replaceReference(DatasetSpec spec, Dataset<Row> silverRows) {
        Dataset<Row> rows = latestPerKey(spec, silverRows).cache();
        try {
            long count = rows.count();
            if (count == 0) {
                throw new IllegalStateException(spec.name() + ": the delivery has no valid row; keeping the current "
                        + "reference table (see quarantine." + spec.name() + ")");
            }
            // The predicate "true" covers the whole (unpartitioned) table: a full replacement, said explicitly.
            warehouse.replaceWhere(SilverSchema.table(spec), rows, "true");
            LOG.info("{}: replaced with {} rows", SilverSchema.table(spec), count);
            return count;
        } finally {
            rows.unpersist();
        }
    }
}
