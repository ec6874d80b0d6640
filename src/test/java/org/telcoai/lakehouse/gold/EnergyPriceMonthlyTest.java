package org.telcoai.lakehouse.gold;

import static org.telcoai.lakehouse.gold.GoldTestData.assertColumns;
import static org.telcoai.lakehouse.gold.GoldTestData.assertRows;
import static org.telcoai.lakehouse.gold.GoldTestData.date;
import static org.telcoai.lakehouse.gold.GoldTestData.dec;
import static org.telcoai.lakehouse.gold.GoldTestData.price;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class EnergyPriceMonthlyTest {

    private static Dataset<Row> run(Row... priceRows) {
        return new EnergyPriceMonthly().compute(GoldTestData.inputs(
                Map.of(EnergyPriceMonthly.PRICES, GoldTestData.frame(GoldTestData.ENERGY, priceRows))));
    }

    private static Row m(String zone, String market, String month, String avg, String min, String max,
            double negativeHours, double coveredHours, long count) {
        return RowFactory.create(zone, market, date(month), dec(avg), dec(min), dec(max), negativeHours,
                coveredHours, count);
    }

    @Test
    void columnsAndTypes() {
        assertColumns(run(price("DE-LU", "DAY_AHEAD", "2024-01-01T00:00", 60, "1")),
                "zone string", "market string", "month date", "avg_price_usd_mwh decimal(16,4)",
                "min_price_usd_mwh decimal(16,4)", "max_price_usd_mwh decimal(16,4)", "negative_price_hours double",
                "covered_hours double", "interval_count bigint");
    }

    @Test
    void timeWeightedAverageOverMixedIntervalsAndNegativeHours() {
        Dataset<Row> actual = run(
                price("DE-LU", "DAY_AHEAD", "2024-01-01T00:00", 60, "40"),
                price("DE-LU", "DAY_AHEAD", "2024-01-01T01:00", 15, "10"),
                price("DE-LU", "DAY_AHEAD", "2024-01-01T01:15", 15, "20"),
                price("DE-LU", "DAY_AHEAD", "2024-01-01T01:30", 15, "-10"),
                price("DE-LU", "DAY_AHEAD", "2024-01-01T01:45", 15, "0"),
                price("DE-LU", "DAY_AHEAD", "2024-01-31T23:00", 60, "-20"),
                price("DE-LU", "DAY_AHEAD", "2024-01-20T00:00", 60, null),
                price("DE-LU", "DAY_AHEAD", "2024-02-01T00:00", 60, "50"),
                price("DE-LU", "INTRADAY", "2024-01-15T12:00", 30, "30.5"),
                price("FR", "DAY_AHEAD", "2024-03-10T00:00", 15, "0.0001"),
                price("FR", "DAY_AHEAD", "2024-03-10T00:15", 15, "0"));
        assertRows(actual,
                // (40*60 + (10+20-10+0)*15 - 20*60) / (60+60+60) = 1500/180 = 8.3333 (the plain mean of the six
                // prices would be 6.6667); negative: 0.25 h at -10 and 1 h at -20 (23:00 UTC is still January);
                // the interval without a USD price is not counted
                m("DE-LU", "DAY_AHEAD", "2024-01-01", "8.3333", "-20", "40", 1.25, 3.0, 6),
                m("DE-LU", "DAY_AHEAD", "2024-02-01", "50", "50", "50", 0.0, 1.0, 1),
                m("DE-LU", "INTRADAY", "2024-01-01", "30.5", "30.5", "30.5", 0.0, 0.5, 1),
                // (0.0001*15 + 0*15) / 30 = 0.00005, rounded half up to 4 decimals
                m("FR", "DAY_AHEAD", "2024-03-01", "0.0001", "0", "0.0001", 0.0, 0.5, 2));
    }
}
