package org.telcoai.lakehouse.gold;

import static org.apache.spark.sql.functions.cbrt;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.telcoai.lakehouse.datasets.Datasets;

/**
 * {@code gold.ai_capex_by_country} (year, country_iso): yearly capex and AI capex by country, plus a
 * {@link Periods#WORLD} row per year summing all countries, with each region's share of world AI capex and the
 * three-year CAGR of AI capex.
 *
 * <p>Decisions:
 * <ul>
 *   <li>Types: year INT (UTC calendar year of {@code period_date}); capex_usd and ai_capex_usd DECIMAL(38,4),
 *       nominal USD from {@code amount_usd}; ai_capex_world_share and ai_capex_cagr_3y DOUBLE.</li>
 *   <li>AI capex = {@link CapexTrends#AI_ASSET_CLASSES}. Rows without {@code amount_usd} are ignored.</li>
 *   <li>Rows exist only for (year, country) pairs with data: years are not zero-filled. For the CAGR this makes
 *       no difference, since a missing and a zero earlier value both give null.</li>
 *   <li>ai_capex_world_share = region AI capex / WORLD AI capex of the year (1.0 on WORLD rows); null when
 *       WORLD AI capex is 0.</li>
 *   <li>ai_capex_cagr_3y = cbrt(ai_capex / ai_capex of year - 3) - 1, null when the row three years earlier is
 *       missing or its AI capex is &lt;= 0. cbrt is the exact cube root, so 1 -&gt; 8 gives exactly 1.0; a
 *       negative current value (restatements) gives the real cube root rather than NaN.</li>
 * </ul>
 */
public final class AiCapexByCountry implements GoldReport {

    @Override
    public String name() {
        return "ai_capex_by_country";
    }

    @Override
    public List<String> sources() {
        return List.of(CapexTrends.CAPEX);
    }

    @Override
    public List<String> keyColumns() {
        return List.of("year", "country_iso");
    }

    @Override
    public Incremental incremental() {
        return Incremental.comparedWith(Datasets.TELCO_CAPEX, "year", Granularity.YEAR, 3);
    }

    @Override
    public Dataset<Row> compute(GoldInputs inputs) {
        Dataset<Row> capex = inputs.table(CapexTrends.CAPEX)
                .where(col("amount_usd").isNotNull())
                .withColumn("year", Periods.year(col("period_date")).cast(DataTypes.IntegerType))
                .withColumn("ai_amount", CapexTrends.aiAmount());
        Column[] sums = {
            sum("amount_usd").cast(CapexTrends.MONEY).as("capex_usd"),
            sum("ai_amount").cast(CapexTrends.MONEY).as("ai_capex_usd")};
        Dataset<Row> countries = capex.groupBy("year", "country_iso").agg(sums[0], sums[1]);
        Dataset<Row> world = capex.groupBy("year").agg(sums[0], sums[1])
                .select(col("year"), lit(Periods.WORLD).as("country_iso"), col("capex_usd"), col("ai_capex_usd"));
        Dataset<Row> regions = countries.unionByName(world);

        Dataset<Row> worldAi = world.select(col("year").as("w_year"), col("ai_capex_usd").as("world_ai"));
        Dataset<Row> earlier = regions.select(col("year").plus(3).as("e_year"), col("country_iso").as("e_country"),
                col("ai_capex_usd").as("ai_3y_earlier"));

        Column earlierAi = col("ai_3y_earlier");
        return regions
                .join(worldAi, col("year").equalTo(col("w_year")), "left")
                .join(earlier, col("year").equalTo(col("e_year"))
                        .and(col("country_iso").equalTo(col("e_country"))), "left")
                .select(
                        col("year"),
                        col("country_iso"),
                        col("capex_usd"),
                        col("ai_capex_usd"),
                        CapexTrends.ratio(col("ai_capex_usd"), col("world_ai")).as("ai_capex_world_share"),
                        when(earlierAi.isNotNull().and(earlierAi.gt(0)),
                                cbrt(col("ai_capex_usd").cast(DataTypes.DoubleType)
                                        .divide(earlierAi.cast(DataTypes.DoubleType))).minus(lit(1.0)))
                                .otherwise(lit(null).cast(DataTypes.DoubleType))
                                .as("ai_capex_cagr_3y"));
    }
}
