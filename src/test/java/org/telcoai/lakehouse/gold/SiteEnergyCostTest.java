package org.telcoai.lakehouse.gold;

import static org.telcoai.lakehouse.gold.GoldTestData.assertColumns;
import static org.telcoai.lakehouse.gold.GoldTestData.assertRows;
import static org.telcoai.lakehouse.gold.GoldTestData.date;
import static org.telcoai.lakehouse.gold.GoldTestData.dec;
import static org.telcoai.lakehouse.gold.GoldTestData.price;
import static org.telcoai.lakehouse.gold.GoldTestData.site;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class SiteEnergyCostTest {

    /**
     * DE-LU DAY_AHEAD: Dec 2023 at 45, Jan 2024 at 50, none in Feb, Mar at (30 + 50) / 2 = 40. INTRADAY in Feb
     * and April must neither price a site nor extend the range past March.
     */
    private static final Row[] PRICES = {
        price("DE-LU", "DAY_AHEAD", "2023-12-31T23:00", 60, "45"),
        price("DE-LU", "DAY_AHEAD", "2024-01-10T00:00", 60, "50"),
        price("DE-LU", "INTRADAY", "2024-02-10T00:00", 60, "999"),
        price("DE-LU", "DAY_AHEAD", "2024-03-10T00:00", 60, "30"),
        price("DE-LU", "DAY_AHEAD", "2024-03-10T01:00", 60, "50"),
        price("DE-LU", "INTRADAY", "2024-04-10T00:00", 60, "999"),
    };

    private static Dataset<Row> run(ReportSettings settings, Row... sites) {
        return new SiteEnergyCost().compute(new GoldInputs(Map.of(
                SiteEnergyCost.SITES, GoldTestData.frame(GoldTestData.SITES, sites),
                SiteEnergyCost.MONTHLY_PRICES, monthly(PRICES)), settings));
    }

    /** gold.energy_price_monthly as the report job computes it before this report. */
    static Dataset<Row> monthly(Row... prices) {
        return new EnergyPriceMonthly().compute(GoldTestData.inputs(
                Map.of(EnergyPriceMonthly.PRICES, GoldTestData.frame(GoldTestData.ENERGY, prices))));
    }

    private static Row s(String site, String month, String operator, String country, String energy, String price,
            String cost) {
        return RowFactory.create(site, date(month), operator, country, dec(energy), dec(price), dec(cost));
    }

    @Test
    void columnsAndTypes() {
        assertColumns(run(ReportSettings.DEFAULTS, site("S1", "DTAG", "DE", "DE-LU", "1", "1", "2024-01-01")),
                "site_id string", "month date", "operator_id string", "country_iso string",
                "energy_mwh decimal(38,6)", "avg_price_usd_mwh decimal(16,4)", "energy_cost_usd decimal(38,4)");
    }

    @Test
    void monthsFromCommissioningToLastDayAheadPrice() {
        Dataset<Row> actual = run(ReportSettings.DEFAULTS,
                site("S1", "DTAG", "DE", "DE-LU", "100", "1.2", "2024-01-15"),
                site("S2", "DTAG", "DE", "DE-LU", "10.5", "1.1", "2024-03-31"),
                site("S3", "DTAG", "DE", "DE-LU", "100", "1.2", "2024-04-01"),
                site("S4", "DTAG", "DE", "DE-LU", "100", "1.2", null),
                site("S5", "ORA", "FR", "FR", "100", "1.2", "2024-01-01"),
                site("S6", "DTAG", "DE", "DE-LU", null, "1.2", "2024-03-01"),
                site("S7", "DTAG", "DE", null, "100", "1.2", "2024-01-01"));
        assertRows(actual,
                // 100 MW x 1.2 x 0.7 x 744 h (31 days) = 62496 MWh; x 50 = 3124800
                s("S1", "2024-01-01", "DTAG", "DE", "62496", "50", "3124800"),
                // 2024 is a leap year: 29 x 24 = 696 h -> 84 x 696 = 58464; no DAY_AHEAD price -> no cost
                s("S1", "2024-02-01", "DTAG", "DE", "58464", null, null),
                // 62496 x 40 = 2499840
                s("S1", "2024-03-01", "DTAG", "DE", "62496", "40", "2499840"),
                // commissioned on the last day of March: first row March; 10.5 x 1.1 x 0.7 x 744 = 6015.24;
                // x 40 = 240609.6
                s("S2", "2024-03-01", "DTAG", "DE", "6015.24", "40", "240609.6"),
                // S3 starts after the last DAY_AHEAD month, S4 has no commissioning date, S5's zone has no
                // prices, S7 has no zone: no rows. S6 has no capacity: energy and cost null, price kept.
                s("S6", "2024-03-01", "DTAG", "DE", null, "40", null));
    }

    @Test
    void utilizationComesFromSettings() {
        Dataset<Row> actual = run(new ReportSettings(0.5),
                site("S1", "DTAG", "DE", "DE-LU", "100", "1.2", "2024-03-05"));
        // 100 x 1.2 x 0.5 x 744 = 44640; x 40 = 1785600
        assertRows(actual, s("S1", "2024-03-01", "DTAG", "DE", "44640", "40", "1785600"));
    }
}
