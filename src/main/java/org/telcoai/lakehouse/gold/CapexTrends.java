package org.telcoai.lakehouse.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.telcoai.lakehouse.datasets.Datasets;

/**
 * {@code gold.capex_trends} (operator_id, quarter): quarterly capex of each operator, its AI part, trailing
 * twelve months and year-over-year growth.
 *
 * <p>Decisions (the definition is the contract; these fill in what it leaves open):
 * <ul>
 *   <li>Types: quarter DATE (first day of the UTC calendar quarter of {@code period_date}); money columns
 *       DECIMAL(38,4), nominal USD from {@code amount_usd}; ai_share and growth columns DOUBLE.</li>
 *   <li>AI capex = asset classes {@link #AI_ASSET_CLASSES}.</li>
 *   <li>Rows whose {@code amount_usd} is null (no FX rate in silver) carry no money and are ignored entirely,
 *       also for the operator's quarter range.</li>
 *   <li>Each operator gets one row for every quarter from its first to its last quarter with data (its own
 *       range, not a global one); quarters without rows in between have capex 0. Quarters before the first
 *       one count as 0 in TTM sums and as missing for YoY (there is no row four quarters earlier).</li>
 *   <li>ai_share = ai_capex_usd / capex_usd, null when capex_usd is 0.</li>
 *   <li>TTM = sum over this quarter and the three before it. YoY growth = value / value four quarters earlier
 *       - 1, null when that earlier row is missing or its value is 0 (a negative earlier value, possible with
 *       restatements, still yields a number).</li>
 * </ul>
 */
public final class CapexTrends implements GoldReport {

    public static final String CAPEX = "silver.telco_capex";
    public static final List<String> AI_ASSET_CLASSES = List.of("AI_DATACENTER", "AI_COMPUTE", "POWER_COOLING");

    static final DataType MONEY = DataTypes.createDecimalType(38, 4);

    @Override
    public String name() {
        return "capex_trends";
    }

    @Override
    public List<String> sources() {
        return List.of(CAPEX);
    }

    @Override
    public List<String> keyColumns() {
        return List.of("operator_id", "quarter");
    }

    @Override
    public Incremental incremental() {
        return new Incremental.ByEntity(Datasets.TELCO_CAPEX, "operator_id");
    }

    @Override
    public Dataset<Row> compute(GoldInputs inputs) {
        Dataset<Row> byQuarter = inputs.table(CAPEX)
                .where(col("amount_usd").isNotNull())
                .withColumn("quarter", Periods.quarter(col("period_date")))
                .groupBy("operator_id", "quarter")
                .agg(sum(col("amount_usd")).as("capex"), sum(aiAmount()).as("ai_capex"));

        // Every quarter of the operator's own range, so gaps become explicit zero rows.
        Dataset<Row> quarters = byQuarter.groupBy("operator_id")
                .agg(min("quarter").as("first_q"), max("quarter").as("last_q"))
                .select(col("operator_id"),
                        explode(sequence(col("first_q"), col("last_q"), expr("INTERVAL 3 MONTHS"))).as("quarter"));

        Dataset<Row> dense = quarters.join(byQuarter, new String[] {"operator_id", "quarter"}, "left")
                .select(col("operator_id"), col("quarter"),
                        coalesce(col("capex"), lit(0)).cast(MONEY).as("capex_usd"),
                        coalesce(col("ai_capex"), lit(0)).cast(MONEY).as("ai_capex_usd"));

        // The series is dense per operator, so "this and the three quarters before" is the last four rows and
        // "four quarters earlier" is four rows back.
        WindowSpec byOperator = Window.partitionBy("operator_id").orderBy("quarter");
        WindowSpec ttm = byOperator.rowsBetween(-3, Window.currentRow());
        return dense.select(
                col("operator_id"),
                col("quarter"),
                col("capex_usd"),
                col("ai_capex_usd"),
                ratio(col("ai_capex_usd"), col("capex_usd")).as("ai_share"),
                sum("capex_usd").over(ttm).cast(MONEY).as("capex_ttm_usd"),
                sum("ai_capex_usd").over(ttm).cast(MONEY).as("ai_capex_ttm_usd"),
                growth(col("capex_usd"), lag("capex_usd", 4).over(byOperator)).as("capex_yoy_growth"),
                growth(col("ai_capex_usd"), lag("ai_capex_usd", 4).over(byOperator)).as("ai_capex_yoy_growth"));
    }

    static Column aiAmount() {
        return when(col("asset_class").isin(AI_ASSET_CLASSES.toArray()), col("amount_usd")).otherwise(lit(0));
    }

    /** numerator / denominator as DOUBLE; null when the denominator is null or 0. */
    static Column ratio(Column numerator, Column denominator) {
        return when(denominator.isNotNull().and(denominator.notEqual(0)),
                numerator.cast(DataTypes.DoubleType).divide(denominator.cast(DataTypes.DoubleType)))
                .otherwise(lit(null).cast(DataTypes.DoubleType));
    }

    /** value / earlier - 1 as DOUBLE; null when earlier is missing or 0. */
    static Column growth(Column value, Column earlier) {
        return ratio(value, earlier).minus(lit(1.0));
    }
}
