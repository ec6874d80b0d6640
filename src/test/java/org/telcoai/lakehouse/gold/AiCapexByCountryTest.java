package org.telcoai.lakehouse.gold;

import static org.telcoai.lakehouse.gold.GoldTestData.assertColumns;
import static org.telcoai.lakehouse.gold.GoldTestData.assertRows;
import static org.telcoai.lakehouse.gold.GoldTestData.capex;
import static org.telcoai.lakehouse.gold.GoldTestData.dec;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class AiCapexByCountryTest {

    private static Dataset<Row> run(Row... capexRows) {
        return new AiCapexByCountry().compute(GoldTestData.inputs(
                Map.of(CapexTrends.CAPEX, GoldTestData.frame(GoldTestData.CAPEX, capexRows))));
    }

    private static Row y(int year, String region, String capex, String ai, Double share, Double cagr) {
        return RowFactory.create(year, region, dec(capex), dec(ai), share, cagr);
    }

    @Test
    void columnsAndTypes() {
        assertColumns(run(capex("r1", "A", "KR", "2024-01-01", "RAN", "1")),
                "year int", "country_iso string", "capex_usd decimal(38,4)", "ai_capex_usd decimal(38,4)",
                "ai_capex_world_share double", "ai_capex_cagr_3y double");
    }

    /**
     * 2021: KR 10 capex of which 1 AI, US 5 of which 0 AI. 2022: KR 1, no AI. 2024: KR 10 (8 AI), US 16 (all
     * AI), DE 40 (all AI; a DE row without USD amount is ignored). WORLD: 2021 15/1, 2022 1/0, 2024 66/64.
     */
    @Test
    void worldRowsSharesAndCagr() {
        Dataset<Row> actual = run(
                capex("k1", "SKT", "KR", "2021-12-01", "RAN", "9"),
                capex("k2", "SKT", "KR", "2021-03-01", "AI_COMPUTE", "1"),
                capex("u1", "MSFT", "US", "2021-01-01", "FIBER", "5"),
                capex("k3", "SKT", "KR", "2022-05-01", "RAN", "1"),
                capex("k4", "SKT", "KR", "2024-01-01", "AI_DATACENTER", "8"),
                capex("k5", "KT", "KR", "2024-02-01", "CORE", "2"),
                capex("u2", "MSFT", "US", "2024-07-01", "AI_COMPUTE", "16"),
                capex("d1", "DTAG", "DE", "2024-12-01", "POWER_COOLING", "40"),
                capex("d2", "DTAG", "DE", "2024-12-01", "AI_COMPUTE", null));
        assertRows(actual,
                // no year 2018 -> CAGR null everywhere in 2021; shares 1/1, 0/1
                y(2021, "KR", "10", "1", 1.0, null),
                y(2021, "US", "5", "0", 0.0, null),
                y(2021, "WORLD", "15", "1", 1.0, null),
                // world AI capex 0 -> share null
                y(2022, "KR", "1", "0", null, null),
                y(2022, "WORLD", "1", "0", null, null),
                // shares 8/64, 16/64, 40/64, 64/64
                // KR: (8 / 1)^(1/3) - 1 = 1; US: AI 2021 was 0 -> null; DE: no 2021 row -> null
                y(2024, "KR", "10", "8", 0.125, 1.0),
                y(2024, "US", "16", "16", 0.25, null),
                y(2024, "DE", "40", "40", 0.625, null),
                // WORLD: (64 / 1)^(1/3) - 1 = 3
                y(2024, "WORLD", "66", "64", 1.0, 3.0));
    }

    /** A negative AI capex three years earlier (a restatement) gives no CAGR; shares are against WORLD 10. */
    @Test
    void cagrNullWhenEarlierValueIsNegative() {
        Dataset<Row> actual = run(
                capex("k1", "SKT", "KR", "2020-06-01", "AI_COMPUTE", "-5"),
                capex("k2", "SKT", "KR", "2023-06-01", "AI_COMPUTE", "5"),
                capex("j1", "KDDI", "JP", "2023-06-01", "AI_COMPUTE", "5"));
        assertRows(actual,
                y(2020, "KR", "-5", "-5", 1.0, null),
                y(2020, "WORLD", "-5", "-5", 1.0, null),
                y(2023, "KR", "5", "5", 0.5, null),
                y(2023, "JP", "5", "5", 0.5, null),
                y(2023, "WORLD", "10", "10", 1.0, null));
    }
}
