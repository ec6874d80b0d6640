package org.telcoai.lakehouse.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
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
import org.apache.spark.sql.types.DataTypes;
import org.telcoai.lakehouse.datasets.Datasets;

/**
 * gold.sovereign_capacity: GPUs shipped into each country up to the end of each year, and how many of them its own
 * telcos bought.
 *
 * <p>Columns and types: year INT, country_iso STRING (destination_country_iso), gpus_cumulative BIGINT,
 * domestic_telco_gpus_cumulative BIGINT (units whose buyer has operator_type TELCO and home_country_iso equal to
 * the destination country), domestic_telco_share DOUBLE (domestic / all, 0..1).
 *
 * <p>Decisions:
 * <ul>
 *   <li>Rows for every year from the country's first shipment year through the last year in the data, which is
 *       the largest ship_date year of the whole input table (not per country); a year without shipments carries
 *       the cumulative values forward.</li>
 *   <li>A foreign telco, a non-telco and a buyer missing from reference.operators are never domestic.</li>
 *   <li>This is a country-level report (column country_iso, not region): there are no WORLD rows, since
 *       "domestic" has no meaning for the world as a whole.</li>
 *   <li>domestic_telco_share is null where gpus_cumulative is zero (cannot happen: a country's rows start with
 *       its first shipment and silver units are positive).</li>
 * </ul>
 */
public final class SovereignCapacity implements GoldReport {

    public static final String NAME = "sovereign_capacity";

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
        return List.of("year", "country_iso");
    }

    @Override
    public Incremental incremental() {
        return new Incremental.Cumulative(Datasets.GPU_SHIPMENTS, "year", Granularity.YEAR);
    }

    @Override
    public Dataset<Row> compute(GoldInputs inputs) {
        Column domestic = col(GpuFacts.BUYER_TYPE).equalTo(GpuFacts.TELCO)
                .and(col(GpuFacts.BUYER_HOME).equalTo(col("destination_country_iso")));
        Dataset<Row> perYear = GpuFacts.withBuyers(inputs.table(GpuFacts.SHIPMENTS), inputs.table(GpuFacts.OPERATORS))
                .select(Periods.year(col("ship_date")).as("year"), col("destination_country_iso").as("country_iso"),
                        col("units"), when(domestic, col("units")).otherwise(lit(0)).as("domestic_units"))
                .groupBy("year", "country_iso")
                .agg(sum("units").cast(DataTypes.LongType).as("units"),
                        sum("domestic_units").cast(DataTypes.LongType).as("domestic_units"));
        Dataset<Row> lastYear = perYear.agg(max("year").as("__last_year"));
        Dataset<Row> years = perYear.groupBy("country_iso").agg(min("year").as("__first_year"))
                .crossJoin(lastYear)
                .select(col("country_iso").as("__country_iso"),
                        explode(sequence(col("__first_year"), col("__last_year"))).as("__year"));
        WindowSpec upToYear = Window.partitionBy("__country_iso").orderBy("__year")
                .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        Column gpus = sum(coalesce(col("units"), lit(0L))).over(upToYear);
        Column domesticGpus = sum(coalesce(col("domestic_units"), lit(0L))).over(upToYear);
        return years.join(perYear, col("__country_iso").equalTo(col("country_iso"))
                        .and(col("__year").equalTo(col("year"))), "left")
                .select(col("__year").as("year"), col("__country_iso").as("country_iso"),
                        gpus.cast(DataTypes.LongType).as("gpus_cumulative"),
                        domesticGpus.cast(DataTypes.LongType).as("domestic_telco_gpus_cumulative"),
                        GpuFacts.share(domesticGpus, gpus).as("domestic_telco_share"));
    }
}
