package org.telcoai.lakehouse.gold;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sequence;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.telcoai.lakehouse.warehouse.Layer;

/**
 * {@code gold.site_energy_cost} (site_id, month): modelled monthly energy use of each site and its cost at the
 * DAY_AHEAD monthly price of the site's zone.
 *
 * <p>Decisions:
 * <ul>
 *   <li>Input: gold.energy_price_monthly (computed first in the same run) and reference.sites; both are small,
 *       so the report is recomputed in full whenever either changes.</li>
 *   <li>Columns: site_id, month, operator_id, country_iso, energy_mwh, avg_price_usd_mwh, energy_cost_usd.
 *       Types: month DATE; energy_mwh DECIMAL(38,6); avg_price_usd_mwh DECIMAL(16,4) (the
 *       {@link EnergyPriceMonthly} DAY_AHEAD avg_price_usd_mwh of the zone and month, same value);
 *       energy_cost_usd DECIMAL(38,4).</li>
 *   <li>Months run from the UTC month of commissioned_date to the last month for which the site's zone has a
 *       DAY_AHEAD row in energy_price_monthly (that is, an interval with a USD price); INTRADAY and retail
 *       prices neither price a site nor extend its range. A site commissioned after that month has no rows.</li>
 *   <li>A month inside that range without a DAY_AHEAD price: avg_price_usd_mwh and energy_cost_usd null,
 *       energy_mwh still given.</li>
 *   <li>Sites without commissioned_date or zone are skipped (their month range is undefined). Sites with a
 *       range but no it_capacity_mw or pue get rows with null energy_mwh and null energy_cost_usd, so the gap
 *       stays visible instead of the site disappearing.</li>
 *   <li>energy_mwh = it_capacity_mw x pue x hours x utilization ({@link ReportSettings#siteUtilization()},
 *       default 0.7), hours = days in the calendar month x 24 (UTC, no DST), computed exactly in DECIMAL and
 *       rounded half-up to 6 decimals. energy_cost_usd = energy_mwh x avg_price_usd_mwh of the stored columns,
 *       rounded half-up to 4 decimals, so a reader multiplying the two columns gets the same number.</li>
 * </ul>
 */
public final class SiteEnergyCost implements GoldReport {

    public static final String SITES = "reference.sites";
    /** The monthly prices, read from their gold table rather than aggregated from silver a second time. */
    public static final String MONTHLY_PRICES = Layer.GOLD.table(EnergyPriceMonthly.NAME);
    public static final String MARKET = "DAY_AHEAD";

    static final DataType ENERGY = DataTypes.createDecimalType(38, 6);
    /** energy_mwh narrowed for the product, so energy x price stays exact at scale 10 (below 10^14 MWh). */
    private static final DataType ENERGY_OPERAND = DataTypes.createDecimalType(20, 6);

    @Override
    public String name() {
        return "site_energy_cost";
    }

    @Override
    public List<String> sources() {
        return List.of(SITES, MONTHLY_PRICES);
    }

    @Override
    public List<String> keyColumns() {
        return List.of("site_id", "month");
    }

    @Override
    public Dataset<Row> compute(GoldInputs inputs) {
        Dataset<Row> dayAhead = inputs.table(MONTHLY_PRICES)
                .where(col("market").equalTo(MARKET))
                .select(col("zone"), col("month"), col("avg_price_usd_mwh"));
        Dataset<Row> lastMonth = dayAhead.groupBy("zone").agg(max("month").as("last_month"));

        Dataset<Row> siteMonths = inputs.table(SITES)
                .where(col("commissioned_date").isNotNull().and(col("zone").isNotNull()))
                .withColumn("first_month", Periods.month(col("commissioned_date")))
                .join(lastMonth, "zone")
                .where(col("first_month").leq(col("last_month")))
                .withColumn("month",
                        explode(sequence(col("first_month"), col("last_month"), expr("INTERVAL 1 MONTH"))));

        Column hours = datediff(add_months(col("month"), 1), col("month")).multiply(lit(24));
        Column utilization = lit(BigDecimal.valueOf(inputs.settings().siteUtilization()));
        Column energy = round(col("it_capacity_mw").multiply(col("pue")).multiply(hours).multiply(utilization), 6)
                .cast(ENERGY);

        return siteMonths.join(dayAhead, new String[] {"zone", "month"}, "left")
                .select(col("site_id"), col("month"), col("operator_id"), col("country_iso"),
                        energy.as("energy_mwh"), col("avg_price_usd_mwh"))
                .withColumn("energy_cost_usd",
                        round(col("energy_mwh").cast(ENERGY_OPERAND).multiply(col("avg_price_usd_mwh")), 4)
                                .cast(CapexTrends.MONEY));
    }
}
