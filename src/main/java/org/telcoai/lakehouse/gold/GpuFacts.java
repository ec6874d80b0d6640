package org.telcoai.lakehouse.gold;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.silver.SilverSchema;

/**
 * Expressions the GPU reports share, so that every one of them counts money, regions and buyers the same way.
 *
 * <ul>
 *   <li>Money: {@code units x unit_price_usd}, nominal USD, summed as DECIMAL(38,4) (exact; never a double).
 *       A row whose unit_price_usd is null contributes its units but no revenue (a sum skips nulls).</li>
 *   <li>Region: the destination country, plus {@link Periods#WORLD} for every row, so each shipment is counted
 *       once in its country and once in WORLD.</li>
 *   <li>Shares: DOUBLE fractions 0..1; null when the total they divide by is zero or null.</li>
 *   <li>H100-equivalents: a product's tflops_16bit in reference.accelerators divided by the H100's
 *       ({@link ReportSettings#h100Tflops16bit()}), rounded half-up to 6 decimals per unit, times units. A product
 *       missing from the table, or listed without a 16-bit figure, has none: its units count, its capacity not.</li>
 *   <li>Buyer type: the buyer's operator_type, or {@link #UNKNOWN_BUYER_TYPE} for a buyer_id missing from
 *       reference.operators (silver quarantines those as UNKNOWN_OPERATOR, but a report must not drop units).</li>
 * </ul>
 */
final class GpuFacts {

    static final String SHIPMENTS = SilverSchema.table(Datasets.GPU_SHIPMENTS);
    static final String OPERATORS = SilverSchema.table(Datasets.OPERATORS);
    static final String ACCELERATORS = SilverSchema.table(Datasets.ACCELERATORS);
    /** H100-equivalents of one unit of a product, and sums of them: exact decimals, so re-runs add up the same. */
    static final DecimalType H100_PER_UNIT = DataTypes.createDecimalType(20, 6);
    static final DecimalType H100_TOTAL = DataTypes.createDecimalType(38, 6);
    static final String H100_PER_UNIT_COLUMN = "__h100_per_unit";
    static final DecimalType MONEY = DataTypes.createDecimalType(38, 4);
    static final String UNKNOWN_BUYER_TYPE = "UNKNOWN";
    static final String TELCO = "TELCO";

    /** Column names the operator join adds, renamed so they cannot collide with shipment columns. */
    static final String BUYER_TYPE = "buyer_type";
    static final String BUYER_HOME = "__buyer_home_country_iso";
    private static final String OPERATOR_ID = "__operator_id";

    private GpuFacts() { }

    /** Revenue of one shipment row: units x unit_price_usd (DECIMAL, exact). */
    static Column revenue() {
        return col("units").cast(DataTypes.createDecimalType(10, 0)).multiply(col("unit_price_usd"));
    }

    /** One row per region a shipment counts in: its destination country and WORLD. */
    static Column regions() {
        return explode(array(col("destination_country_iso"), lit(Periods.WORLD)));
    }

    /** part / total as a double; null when the total is zero or null. */
    static Column share(Column part, Column total) {
        return when(total.isNull().or(total.equalTo(0)), lit(null).cast(DataTypes.DoubleType))
                .otherwise(part.cast(DataTypes.DoubleType).divide(total.cast(DataTypes.DoubleType)));
    }

    /**
     * Shipments with {@link #BUYER_TYPE} (UNKNOWN for a buyer missing from operators) and {@link #BUYER_HOME}
     * (null then). reference.operators holds one row per operator_id, so the join never duplicates units.
     */
    static Dataset<Row> withBuyers(Dataset<Row> shipments, Dataset<Row> operators) {
        Dataset<Row> buyers = operators.select(col("operator_id").as(OPERATOR_ID),
                col("operator_type").as("__operator_type"), col("home_country_iso").as(BUYER_HOME));
        return shipments.join(broadcast(buyers), col("buyer_id").equalTo(col(OPERATOR_ID)), "left")
                .withColumn(BUYER_TYPE, coalesce(col("__operator_type"), lit(UNKNOWN_BUYER_TYPE)))
                .drop(OPERATOR_ID, "__operator_type");
    }

    /**
     * Shipments with {@link #H100_PER_UNIT_COLUMN} (null for a product without a 16-bit figure).
     * reference.accelerators holds one row per product, so the join never duplicates units.
     */
    static Dataset<Row> withH100PerUnit(Dataset<Row> shipments, Dataset<Row> accelerators,
                                        java.math.BigDecimal h100Tflops16bit) {
        Dataset<Row> ratings = accelerators.select(col("product").as("__rated_product"),
                col("tflops_16bit").divide(lit(h100Tflops16bit)).cast(H100_PER_UNIT).as(H100_PER_UNIT_COLUMN));
        return shipments.join(broadcast(ratings), col("product").equalTo(col("__rated_product")), "left")
                .drop("__rated_product");
    }
}
