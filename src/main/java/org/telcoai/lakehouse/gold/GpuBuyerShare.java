package org.telcoai.lakehouse.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.telcoai.lakehouse.datasets.Datasets;

/**
 * gold.gpu_buyer_share, "who owns the AI factories": one row per (year, region, buyer_type) with shipments.
 *
 * <p>Columns and types: year INT (calendar year of ship_date), region STRING (country or WORLD), buyer_type
 * STRING (the buyer's operator_type), units BIGINT, revenue_usd DECIMAL(38,4), revenue_share DOUBLE (0..1 of the
 * year-region revenue).
 *
 * <p>Decisions:
 * <ul>
 *   <li>A buyer missing from reference.operators counts as buyer_type 'UNKNOWN' (silver quarantines such rows,
 *       so this only guards against a reference table changed after the facts were ingested).</li>
 *   <li>Only buyer types that bought in the year-region get a row (no zero rows).</li>
 *   <li>A year-region with zero (or no priced) revenue has null revenue_share.</li>
 * </ul>
 */
public final class GpuBuyerShare implements GoldReport {

    public static final String NAME = "gpu_buyer_share";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> sources() {
        return List.of(GpuFacts.SHIPMENTS, GpuFacts.OPERATORS);
    }

    @Override
    public List<String> keyColumns() {
        return List.of("year", "region", "buyer_type");
    }

    @Override
    public Incremental incremental() {
        return Incremental.samePeriod(Datasets.GPU_SHIPMENTS, "year", Granularity.YEAR);
    }

    @Override
    public Dataset<Row> compute(GoldInputs inputs) {
        return GpuFacts.withBuyers(inputs.table(GpuFacts.SHIPMENTS), inputs.table(GpuFacts.OPERATORS))
                .select(Periods.year(col("ship_date")).as("year"), GpuFacts.regions().as("region"),
                        col(GpuFacts.BUYER_TYPE), col("units"), GpuFacts.revenue().as("revenue"))
                .groupBy("year", "region", GpuFacts.BUYER_TYPE)
                .agg(sum("units").cast(DataTypes.LongType).as("units"),
                        sum("revenue").cast(GpuFacts.MONEY).as("revenue_usd"))
                .withColumn("revenue_share", GpuFacts.share(col("revenue_usd"),
                        sum("revenue_usd").over(Window.partitionBy("year", "region"))));
    }
}
