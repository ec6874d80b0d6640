package org.telcoai.lakehouse.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;
import static org.telcoai.lakehouse.bronze.Lineage.DELIVERY_DATE;
import static org.telcoai.lakehouse.bronze.Lineage.INGEST_BATCH;
import static org.telcoai.lakehouse.bronze.Lineage.ROW_NUMBER;
import static org.telcoai.lakehouse.bronze.Lineage.SOURCE_FILE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.telcoai.lakehouse.datasets.DatasetSpec;
import org.telcoai.lakehouse.warehouse.Layer;

/**
 * {@code silver.<dataset>_versions}: every valid version of every key of a fact dataset, as the silver table holds
 * it, with the delivery date it arrived in and the delivery date a later version (by the same latest-wins order as
 * silver) replaced it in. The versions known on a date D are those that arrived on or before D and were not
 * superseded by D: exactly one per key, the one silver held after the deliveries up to D. Reports as of a past
 * date read them, so their answer does not depend on how long Delta keeps old table versions.
 *
 * <p>A version that arrives after a newer one (an older capex {@code updated_at} delivered late) is superseded in
 * the delivery it arrived in: it was never the one reports used.
 */
public final class SilverVersions {

    /** Delivery date the version arrived in (its {@code _delivery_date}). */
    public static final String ARRIVED_IN = "arrived_in";
    /** Delivery date of the first delivery that brought a later version of the key; null while it is current. */
    public static final String SUPERSEDED_IN = "superseded_in";
    /** Identifies one version: a row of one delivered file in one ingest batch. */
    public static final List<String> VERSION_IDENTITY = List.of(SOURCE_FILE, ROW_NUMBER, INGEST_BATCH);

    private SilverVersions() { }

    public static String table(DatasetSpec spec) {
        if (spec.isReference()) {
            throw new IllegalArgumentException(spec.name() + " is reference data, replaced whole: it keeps no versions");
        }
        return Layer.SILVER.table(spec.name() + "_versions");
    }

    /** The silver table's columns, then {@link #ARRIVED_IN} and {@link #SUPERSEDED_IN}. */
    public static StructType of(DatasetSpec spec) {
        List<StructField> fields = new ArrayList<>(Arrays.asList(SilverSchema.of(spec).fields()));
        fields.add(DataTypes.createStructField(ARRIVED_IN, DataTypes.DateType, true));
        fields.add(DataTypes.createStructField(SUPERSEDED_IN, DataTypes.DateType, true));
        return DataTypes.createStructType(fields);
    }

    /** Silver rows of one or more deliveries, with the date each arrived in (not yet superseded). */
    public static Dataset<Row> arriving(Dataset<Row> silverRows) {
        return silverRows.withColumn(ARRIVED_IN, col(DELIVERY_DATE));
    }

    /**
     * Sets {@link #SUPERSEDED_IN} on versions holding every version of their keys: the earliest arrival of any
     * later version, but never before the version's own arrival. Over {@link SilverWriter#versionOrder} newest
     * first, the later versions of a row are the rows before it.
     */
    public static Dataset<Row> withSuperseded(DatasetSpec spec, Dataset<Row> versions) {
        Column[] keys = spec.keyColumns().stream().map(k -> col(k)).toArray(Column[]::new);
        Column[] newestFirst = SilverWriter.versionOrder(spec, null).stream().map(Column::desc_nulls_last)
                .toArray(Column[]::new);
        Column firstLaterArrival = min(col(ARRIVED_IN)).over(Window.partitionBy(keys).orderBy(newestFirst)
                .rowsBetween(Window.unboundedPreceding(), -1));
        Column superseded = when(firstLaterArrival.isNull(), lit(null).cast(DataTypes.DateType))
                .otherwise(greatest(firstLaterArrival, col(ARRIVED_IN)));
        return versions.withColumn(SUPERSEDED_IN, superseded).select(columns(of(spec)));
    }

    /** Whether a version was the current one on {@code date}. */
    public static Column knownOn(LocalDate date) {
        Column day = lit(java.sql.Date.valueOf(date));
        return col(ARRIVED_IN).leq(day).and(col(SUPERSEDED_IN).isNull().or(col(SUPERSEDED_IN).gt(day)));
    }

    /** The silver table as it was after the deliveries up to {@code date}: same columns, one row per key. */
    public static Dataset<Row> silverAsOf(DatasetSpec spec, Dataset<Row> versions, LocalDate date) {
        return versions.where(knownOn(date)).select(columns(SilverSchema.of(spec)));
    }

    static Column[] columns(StructType schema) {
        return Arrays.stream(schema.fieldNames()).map(name -> col(name)).toArray(Column[]::new);
    }
}
