package org.telcoai.lakehouse.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.telcoai.lakehouse.datasets.Datasets;

/**
 * gold.gpu_vendor_share, one row per (quarter, region, vendor) that shipped in that quarter-region.
 *
 * <p>Columns and types: quarter DATE (first day of the calendar quarter of ship_date), region STRING (destination
 * country or WORLD), vendor STRING, units BIGINT (sum), revenue_usd DECIMAL(38,4) (sum of units x unit_price_usd),
 * unit_share DOUBLE and revenue_share DOUBLE (fraction 0..1 of the quarter-region total), unit_share_yoy_pp
 * DOUBLE ((unit_share - unit_share of the same region and vendor in the quarter 12 months earlier) x 100),
 * revenue_rank INT.
 *
 * <p>Decisions:
 * <ul>
 *   <li>A quarter-region whose total revenue is zero (or null, when no row has a USD price) has a null
 *       revenue_share for every vendor; likewise unit_share for a zero unit total (cannot happen: silver units
 *       are positive). A vendor whose every row lacks a USD price has null revenue_usd and revenue_share.</li>
 *   <li>unit_share_yoy_pp is null where the same (region, vendor) has no row four quarters earlier, including
 *       when it had no shipments then (absence is not a zero share), or when either share is null.</li>
 *   <li>revenue_rank is a dense 1..n order without gaps or shared ranks: revenue descending (null revenue last),
 *       ties by vendor name ascending.</li>
 * </ul>
 */
public final class GpuVendorShare implements GoldReport {

    public static final String NAME = "gpu_vendor_share";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> sources() {
        return List.of(GpuFacts.SHIPMENTS);
    }

    @Override
    public List<String> keyColumns() {
        return List.of("quarter", "region", "vendor");
    }

    @Override
    public Incremental incremental() {
        return Incremental.comparedWith(Datasets.GPU_SHIPMENTS, "quarter", Granularity.QUARTER, 4);
    }

    @Override
    public Dataset<Row> compute(GoldInputs inputs) {
        Dataset<Row> shares = shares(inputs.table(GpuFacts.SHIPMENTS));
        // Renamed with toDF, not aliased: a self-join on aliases of one plan's columns can resolve to one side.
        Dataset<Row> yearEarlier = shares.select("quarter", "region", "vendor", "unit_share")
                .toDF("__prev_quarter", "__prev_region", "__prev_vendor", "__prev_unit_share");
        return shares.join(yearEarlier, col("__prev_quarter").equalTo(add_months(col("quarter"), -12))
                                .and(col("__prev_region").equalTo(col("region")))
                                .and(col("__prev_vendor").equalTo(col("vendor"))), "left")
                .select(col("quarter"), col("region"), col("vendor"), col("units"), col("priced_units"),
                        col("revenue_usd"),
                        col("unit_share"), col("revenue_share"),
                        col("unit_share").minus(col("__prev_unit_share")).multiply(lit(100))
                                .as("unit_share_yoy_pp"),
                        col("revenue_rank"));
    }

    /**
     * The report without unit_share_yoy_pp: quarter, region, vendor, units, revenue_usd, unit_share,
     * revenue_share, revenue_rank. Market concentration reads it, so both reports share one ranking.
     */
    static Dataset<Row> shares(Dataset<Row> shipments) {
        Dataset<Row> rows = shipments.select(
                Periods.quarter(col("ship_date")).as("quarter"), GpuFacts.regions().as("region"), col("vendor"),
                col("units"), when(col("unit_price_usd").isNotNull(), col("units")).as("priced"),
                GpuFacts.revenue().as("revenue"));
        WindowSpec quarterRegion = Window.partitionBy("quarter", "region");
        return rows.groupBy("quarter", "region", "vendor")
                .agg(sum("units").cast(DataTypes.LongType).as("units"),
                        coalesce(sum("priced"), lit(0)).cast(DataTypes.LongType).as("priced_units"),
                        sum("revenue").cast(GpuFacts.MONEY).as("revenue_usd"))
                .withColumn("unit_share", GpuFacts.share(col("units"), sum("units").over(quarterRegion)))
                .withColumn("revenue_share",
                        GpuFacts.share(col("revenue_usd"), sum("revenue_usd").over(quarterRegion)))
                .withColumn("revenue_rank", row_number().over(quarterRegion.orderBy(
                        col("revenue_usd").desc_nulls_last(), col("vendor").asc())));
    }
}
