package org.telcoai.lakehouse.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.telcoai.lakehouse.datasets.Datasets;

/**
 * {@code gold.energy_price_monthly} (zone, market, month): monthly wholesale/retail price statistics from
 * {@code price_usd_mwh}.
 *
 * <p>Decisions:
 * <ul>
 *   <li>Types: month DATE (first day of the UTC calendar month of {@code interval_start}; an interval belongs
 *       to the month it starts in); avg/min/max_price_usd_mwh DECIMAL(16,4), the type of silver's
 *       price_usd_mwh; negative_price_hours and covered_hours DOUBLE (sums of quarter/half/whole hours, exact
 *       in binary); interval_count BIGINT.</li>
 *   <li>avg_price_usd_mwh = sum(price x interval_minutes) / sum(interval_minutes), computed in DECIMAL and
 *       rounded half-up to 4 decimals, so one 60-minute interval weighs as much as four 15-minute ones.</li>
 *   <li>negative_price_hours = sum(interval_minutes / 60) over intervals with price &lt; 0 (a 15-minute
 *       interval counts 0.25 h); covered_hours = sum(interval_minutes / 60) over all counted intervals.</li>
 *   <li>Intervals without {@code price_usd_mwh} (no FX rate in silver) are left out of every column, so
 *       covered_hours and interval_count describe exactly the intervals the average is over.</li>
 * </ul>
 */
public final class EnergyPriceMonthly implements GoldReport {

    public static final String NAME = "energy_price_monthly";
    public static final String PRICES = "silver.energy_prices";
    static final DataType PRICE = DataTypes.createDecimalType(16, 4);
    /*
     * Narrow operands keep the decimal quotient at scale 17 (Spark lowers the scale of wide quotients to 6,
     * which would round twice). Price-minutes of a month stay far below 10^20, minutes below 10^12.
     */
    private static final DataType WEIGHTED = DataTypes.createDecimalType(24, 4);
    private static final DataType MINUTES = DataTypes.createDecimalType(12, 0);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> sources() {
        return List.of(PRICES);
    }

    @Override
    public List<String> keyColumns() {
        return List.of("zone", "market", "month");
    }

    @Override
    public Incremental incremental() {
        return Incremental.samePeriod(Datasets.ENERGY_PRICES, "month", Granularity.MONTH);
    }

    @Override
    public Dataset<Row> compute(GoldInputs inputs) {
        return monthly(inputs.table(PRICES));
    }

    static Dataset<Row> monthly(Dataset<Row> prices) {
        Column price = col("price_usd_mwh");
        Column minutes = col("interval_minutes");
        Column hours = minutes.cast(DataTypes.DoubleType).divide(lit(60.0));
        return prices
                .where(price.isNotNull())
                .withColumn("month", Periods.month(to_date(col("interval_start"))))
                .groupBy("zone", "market", "month")
                .agg(
                        round(sum(price.multiply(minutes)).cast(WEIGHTED)
                                .divide(sum(minutes).cast(MINUTES)), 4).cast(PRICE).as("avg_price_usd_mwh"),
                        min(price).cast(PRICE).as("min_price_usd_mwh"),
                        max(price).cast(PRICE).as("max_price_usd_mwh"),
                        sum(when(price.lt(0), hours).otherwise(lit(0.0))).as("negative_price_hours"),
                        sum(hours).as("covered_hours"),
                        count(lit(1)).as("interval_count"));
    }
}
