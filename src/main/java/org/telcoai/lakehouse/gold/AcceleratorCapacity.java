package org.telcoai.lakehouse.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.telcoai.lakehouse.datasets.Datasets;

/**
 * gold.accelerator_capacity, "whose AI factories, on whose chips": accelerators installed per (year, region, buyer
 * type, vendor), in units and in H100-equivalents.
 *
 * <p>Columns and types: year INT (calendar year of ship_date), region STRING (destination country or WORLD),
 * buyer_type STRING (the buyer's operator_type: TELCO, HYPERSCALER, ...), vendor STRING, units BIGINT,
 * rated_units BIGINT (units whose product has a 16-bit figure in reference.accelerators), h100_equivalents
 * DECIMAL(38,6) (sum over rated units of units x tflops_16bit / the H100's, see {@link GpuFacts}).
 *
 * <p>Decisions:
 * <ul>
 *   <li>Installations, not a running stock: a year's row counts what went into operation that year (shipments
 *       or Epoch AI clusters); a capacity "to date" is the sum over years up to it. Nothing is ever subtracted,
 *       so decommissioned systems still count in the year they started.</li>
 *   <li>h100_equivalents is null where rated_units is 0 (no figure to add), never a zero that would read as
 *       "no capacity"; comparing capacity across groups should look at rated_units / units first.</li>
 *   <li>A buyer missing from reference.operators counts as buyer_type 'UNKNOWN', as in gpu_buyer_share.</li>
 *   <li>Only (year, region, buyer type, vendor) groups with installations get a row.</li>
 * </ul>
 */
public final class AcceleratorCapacity implements GoldReport {

    public static final String NAME = "accelerator_capacity";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> sources() {
        return List.of(GpuFacts.SHIPMENTS, GpuFacts.OPERATORS, GpuFacts.ACCELERATORS);
    }

    @Override
    public List<String> keyColumns() {
        return List.of("year", "region", GpuFacts.BUYER_TYPE, "vendor");
    }

    @Override
    public Incremental incremental() {
        return Incremental.samePeriod(Datasets.GPU_SHIPMENTS, "year", Granularity.YEAR);
    }

    @Override
    public Dataset<Row> compute(GoldInputs inputs) {
        Dataset<Row> shipments = GpuFacts.withH100PerUnit(
                GpuFacts.withBuyers(inputs.table(GpuFacts.SHIPMENTS), inputs.table(GpuFacts.OPERATORS)),
                inputs.table(GpuFacts.ACCELERATORS), inputs.settings().h100Tflops16bit());
        return shipments.select(Periods.year(col("ship_date")).as("year"), GpuFacts.regions().as("region"),
                        col(GpuFacts.BUYER_TYPE), col("vendor"), col("units"),
                        when(col(GpuFacts.H100_PER_UNIT_COLUMN).isNotNull(), col("units")).as("rated"),
                        col("units").cast(DataTypes.createDecimalType(10, 0))
                                .multiply(col(GpuFacts.H100_PER_UNIT_COLUMN)).as("h100"))
                .groupBy("year", "region", GpuFacts.BUYER_TYPE, "vendor")
                .agg(sum("units").cast(DataTypes.LongType).as("units"),
                        coalesce(sum("rated"), lit(0)).cast(DataTypes.LongType).as("rated_units"),
                        sum("h100").cast(GpuFacts.H100_TOTAL).as("h100_equivalents"));
    }
}
