package org.telcoai.lakehouse.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.gold.AiCapexByCountry;
import org.telcoai.lakehouse.gold.CapexTrends;
import org.telcoai.lakehouse.gold.GoldReport;
import org.telcoai.lakehouse.gold.ReportSettings;
import org.telcoai.lakehouse.landing.LandingZone;
import org.telcoai.lakehouse.testing.LandingFixture;
import org.telcoai.lakehouse.testing.SharedSpark;
import org.telcoai.lakehouse.warehouse.Warehouse;

/**
 * A capex restatement delivered on a later night changes the gold numbers of the quarter it belongs to, through
 * the whole chain: landing -> silver MERGE -> report job -> gold.
 */
class RestatedCapexReportTest {

    private static final String HEADER = "record_id,operator_id,country_iso,period_date,asset_class,amount,currency,"
            + "updated_at\n";

    @Test
    void goldFollowsTheRestatedAmount() {
        SharedSpark.resetWarehouse();
        Warehouse warehouse = SharedSpark.warehouse();
        LandingFixture landing = new LandingFixture(SharedSpark.newTempDir("landing-restated-"));
        landing.defaultReferences("2026-01-05");
        // 1,000,000 KRW of AI compute and 500,000 KRW of RAN in December 2025, at 0.0007 USD per KRW.
        landing.text("telco_capex", "2026-01-05", "capex.csv", HEADER + """
                R1,SKT,KR,2025-12-01,AI_COMPUTE,1000000,KRW,2026-01-02T00:00:00Z
                R2,SKT,KR,2025-12-01,RAN,500000,KRW,2026-01-02T00:00:00Z
                """);
        // The next night restates R1 to 2,000,000 KRW.
        landing.text("telco_capex", "2026-01-06", "capex.csv", HEADER + """
                R1,SKT,KR,2025-12-01,AI_COMPUTE,2000000,KRW,2026-01-05T09:00:00+09:00
                """);
        List<GoldReport> reports = List.of(new CapexTrends(), new AiCapexByCountry());
        LandingZone zone = new LandingZone(landing.rootPath(), SharedSpark.spark().sparkContext().hadoopConfiguration());

        new IngestJob(warehouse, zone, "run-night-1").run(LocalDate.parse("2026-01-05"), Datasets.ALL);
        new ReportJob(warehouse, ReportSettings.DEFAULTS).run(reports, false, "run-night-1");
        Row first = quarter(warehouse);
        assertEquals(0, new BigDecimal("1050.0000").compareTo(first.getDecimal(0)), "700 + 350 USD");
        assertEquals(0, new BigDecimal("700.0000").compareTo(first.getDecimal(1)));
        assertEquals(700.0 / 1050.0, first.getDouble(2), 1e-12);

        new IngestJob(warehouse, zone, "run-night-2").run(LocalDate.parse("2026-01-06"), Datasets.ALL);
        new ReportJob(warehouse, ReportSettings.DEFAULTS).run(reports, false, "run-night-2");
        Row restated = quarter(warehouse);
        assertEquals(0, new BigDecimal("1750.0000").compareTo(restated.getDecimal(0)), "1400 + 350 USD");
        assertEquals(0, new BigDecimal("1400.0000").compareTo(restated.getDecimal(1)));
        assertEquals(1400.0 / 1750.0, restated.getDouble(2), 1e-12);

        Row world = warehouse.read("gold.ai_capex_by_country")
                .where(col("year").equalTo(2025).and(col("country_iso").equalTo("WORLD")))
                .select("ai_capex_usd").head();
        assertEquals(0, new BigDecimal("1400.0000").compareTo(world.getDecimal(0)));
    }

    private static Row quarter(Warehouse warehouse) {
        List<Row> rows = warehouse.read("gold.capex_trends").where(col("operator_id").equalTo("SKT"))
                .select("capex_usd", "ai_capex_usd", "ai_share").collectAsList();
        assertEquals(1, rows.size(), "one quarter of data: 2025-Q4");
        return rows.get(0);
    }
}
