package org.telcoai.lakehouse.gold;

import static org.telcoai.lakehouse.gold.GoldTestData.assertColumns;
import static org.telcoai.lakehouse.gold.GoldTestData.assertRows;
import static org.telcoai.lakehouse.gold.GoldTestData.capex;
import static org.telcoai.lakehouse.gold.GoldTestData.date;
import static org.telcoai.lakehouse.gold.GoldTestData.dec;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class CapexTrendsTest {

    private static Dataset<Row> run(Row... capexRows) {
        return new CapexTrends().compute(GoldTestData.inputs(
                Map.of(CapexTrends.CAPEX, GoldTestData.frame(GoldTestData.CAPEX, capexRows))));
    }

    private static Row q(String op, String quarter, String capex, String ai, Double share, String capexTtm,
            String aiTtm, Double capexYoy, Double aiYoy) {
        return RowFactory.create(op, date(quarter), dec(capex), dec(ai), share, dec(capexTtm), dec(aiTtm),
                capexYoy, aiYoy);
    }

    @Test
    void columnsAndTypes() {
        assertColumns(run(capex("r1", "A", "KR", "2024-01-01", "RAN", "1")),
                "operator_id string", "quarter date", "capex_usd decimal(38,4)", "ai_capex_usd decimal(38,4)",
                "ai_share double", "capex_ttm_usd decimal(38,4)", "ai_capex_ttm_usd decimal(38,4)",
                "capex_yoy_growth double", "ai_capex_yoy_growth double");
    }

    /**
     * Operator A by quarter (capex / ai): 2023Q1 100/40, Q2 50/0, Q3 no rows, Q4 50/25, 2024Q1 150/150,
     * Q2 no rows, Q3 30/0; a 2024Q4 row without USD amount is ignored (so the range ends in Q3). Operator B has
     * one quarter and is not stretched to A's range.
     */
    @Test
    void zeroFilledGapsTtmAndYoy() {
        Dataset<Row> actual = run(
                capex("a1", "A", "KR", "2023-01-01", "RAN", "60"),
                capex("a2", "A", "US", "2023-02-01", "AI_COMPUTE", "40"),
                capex("a3", "A", "KR", "2023-06-01", "FIBER", "50"),
                capex("a4", "A", "KR", "2023-10-01", "POWER_COOLING", "25"),
                capex("a5", "A", "KR", "2023-12-01", "EDGE", "25"),
                capex("a6", "A", "KR", "2024-03-01", "AI_DATACENTER", "150"),
                capex("a7", "A", "KR", "2024-09-01", "RAN", "30"),
                capex("a8", "A", "KR", "2024-10-01", "RAN", null),
                capex("b1", "B", "DE", "2024-06-01", "RAN", "10"));
        assertRows(actual,
                // first four quarters: TTM over what exists, no quarter four back -> YoY null
                q("A", "2023-01-01", "100", "40", 0.4, "100", "40", null, null),
                q("A", "2023-04-01", "50", "0", 0.0, "150", "40", null, null),
                q("A", "2023-07-01", "0", "0", null, "150", "40", null, null),
                q("A", "2023-10-01", "50", "25", 0.5, "200", "65", null, null),
                // TTM 50+0+50+150, 0+0+25+150; YoY 150/100-1, 150/40-1
                q("A", "2024-01-01", "150", "150", 1.0, "250", "175", 0.5, 2.75),
                // TTM 0+50+150+0, 0+25+150+0; YoY 0/50-1; ai a year earlier was 0 -> null
                q("A", "2024-04-01", "0", "0", null, "200", "175", -1.0, null),
                // TTM 50+150+0+30, 25+150+0+0; a year earlier was a zero-filled gap -> null
                q("A", "2024-07-01", "30", "0", 0.0, "230", "175", null, null),
                q("B", "2024-04-01", "10", "0", 0.0, "10", "0", null, null));
    }
}
