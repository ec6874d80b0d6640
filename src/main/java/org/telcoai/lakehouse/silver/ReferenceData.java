package org.telcoai.lakehouse.silver;

import static org.apache.spark.sql.functions.*;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.telcoai.lakehouse.datasets.DatasetSpec;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.warehouse.Warehouse;

/**
 * The reference tables as the validation of facts needs them: key sets for reference checks and FX rates laid
 * out one row per currency and day, so that "the rate of the same day or else the latest earlier day" becomes
 * an equality join against a small broadcast table instead of a range join.
 */
public final class ReferenceData {

    static final String FX_CURRENCY = "__fx_currency";
    static final String FX_DAY = "__fx_day";
    static final String FX_RATE = "__fx_rate";
    static final String FX_LAST_DAY = "__fx_last_day";
    static final String FX_LAST_RATE = "__fx_last_rate";

    private final Warehouse warehouse;
    private final Map<String, Set<String>> keys = new HashMap<>();
    private Dataset<Row> fxDaily;
    private Dataset<Row> fxLatest;

    public ReferenceData(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Keys of a reference dataset as loaded now (reference tables are small by nature). */
    public synchronized Set<String> keys(String dataset) {
        return keys.computeIfAbsent(dataset, name -> {
            String keyColumn = Datasets.require(name).keyColumns().get(0);
            Set<String> values = new TreeSet<>();
            for (Row row : warehouse.read(SilverSchema.table(Datasets.require(name))).select(keyColumn)
                    .collectAsList()) {
                values.add(row.getString(0));
            }
            return values;
        });
    }

    /** (currency, day) -> usd_per_unit for every day from a currency's first rate to its last. */
    public synchronized Dataset<Row> fxDaily() {
        if (fxDaily == null) {
            Dataset<Row> rates = warehouse.read(SilverSchema.table(Datasets.FX_RATES))
                    .select(col("currency"), col("rate_date"), col("usd_per_unit"));
            // Renamed, not aliased: a join of a table with its own aggregate confuses same-named columns.
            Dataset<Row> days = rates.groupBy("currency")
                    .agg(min("rate_date").as("lo"), max("rate_date").as("hi"))
                    .select(col("currency").as(FX_CURRENCY), explode(sequence(col("lo"), col("hi"))).as(FX_DAY));
            WindowSpec upToDay = Window.partitionBy(FX_CURRENCY).orderBy(FX_DAY)
                    .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
            fxDaily = days.join(rates, col(FX_CURRENCY).equalTo(col("currency"))
                            .and(col(FX_DAY).equalTo(col("rate_date"))), "left")
                    .select(col(FX_CURRENCY), col(FX_DAY),
                            last(col("usd_per_unit"), true).over(upToDay).as(FX_RATE))
                    .cache();
        }
        return fxDaily;
    }

    /** Each currency's last known day and rate, used for dates after it. */
    public synchronized Dataset<Row> fxLatest() {
        if (fxLatest == null) {
            Dataset<Row> rates = warehouse.read(SilverSchema.table(Datasets.FX_RATES));
            WindowSpec newestFirst = Window.partitionBy("currency").orderBy(col("rate_date").desc());
            fxLatest = rates.withColumn("__rank", row_number().over(newestFirst)).where(col("__rank").equalTo(1))
                    .select(col("currency").as(FX_CURRENCY + "_l"), col("rate_date").as(FX_LAST_DAY),
                            col("usd_per_unit").as(FX_LAST_RATE))
                    .cache();
        }
        return fxLatest;
    }

    /** Forget what was read of {@code dataset}, after its table changed. */
    public synchronized void invalidate(DatasetSpec dataset) {
        keys.remove(dataset.name());
        if (!dataset.name().equals(Datasets.FX_RATES.name())) {
            return;
        }
        if (fxDaily != null) {
            fxDaily.unpersist();
        }
        if (fxLatest != null) {
            fxLatest.unpersist();
        }
        fxDaily = null;
        fxLatest = null;
    }
}
