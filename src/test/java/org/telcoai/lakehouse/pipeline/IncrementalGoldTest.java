package org.telcoai.lakehouse.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.gold.GoldInputs;
import org.telcoai.lakehouse.gold.GoldReport;
import org.telcoai.lakehouse.gold.GoldReports;
import org.telcoai.lakehouse.gold.ReportSettings;
import org.telcoai.lakehouse.landing.LandingZone;
import org.telcoai.lakehouse.pipeline.ReportJob.Mode;
import org.telcoai.lakehouse.pipeline.ReportJob.ReportResult;
import org.telcoai.lakehouse.testing.DataFrameAssertions;
import org.telcoai.lakehouse.testing.LandingFixture;
import org.telcoai.lakehouse.testing.SharedSpark;
import org.telcoai.lakehouse.warehouse.Layer;
import org.telcoai.lakehouse.warehouse.Warehouse;

/**
 * Incremental gold on three hand-made nights: the second restates a shipment into another quarter, a capex line
 * and an hourly price, and adds a shipment; the third re-delivers the operators. Each night recomputes exactly the
 * periods worked out below by hand, and leaves every gold table equal to a full recompute of the same silver.
 */
class IncrementalGoldTest {

    private static final String SHIPMENTS = "shipment_id,ship_date,vendor,product,units,unit_price,currency,"
            + "buyer_id,destination_country_iso,site_id\n";
    private static final String CAPEX = "record_id,operator_id,country_iso,period_date,asset_class,amount,currency,"
            + "updated_at\n";
    private static final String PRICES = "zone,country_iso,interval_start,interval_minutes,price,currency,market\n";

    private static Warehouse warehouse;
    private static LandingFixture landing;
    private static Map<String, ReportResult> night1;
    private static Map<String, ReportResult> night2;
    private static Map<String, ReportResult> night2Again;
    private static Map<String, Long> versionsAfterNight2;
    private static Map<String, Long> versionsAfterNight2Again;
    private static Map<String, ReportResult> night3;

    @BeforeAll
    static void threeNights() {
        SharedSpark.resetWarehouse();
        warehouse = SharedSpark.warehouse();
        landing = new LandingFixture(SharedSpark.newTempDir("landing-incremental-"));
        landing.defaultReferences("2026-01-05");
        landing.text("gpu_shipments", "2026-01-05", "shipments.csv", SHIPMENTS + """
                S1,2024-02-10,NVIDIA,H100,100,30000,USD,SKT,KR,
                S2,2024-05-10,AMD,MI300X,50,15000,USD,MSFT,US,
                S3,2025-02-10,NVIDIA,H100,200,25000,USD,SKT,KR,
                """);
        landing.text("telco_capex", "2026-01-05", "capex.csv", CAPEX + """
                C1,SKT,KR,2024-01-01,AI_COMPUTE,1000,USD,2026-01-01T00:00:00Z
                C2,SKT,KR,2025-01-01,RAN,500,USD,2026-01-01T00:00:00Z
                C3,DTAG,DE,2024-03-01,FIBER,700,USD,2026-01-01T00:00:00Z
                """);
        landing.text("energy_prices", "2026-01-05", "prices.csv", PRICES + """
                KR,KR,2025-06-10T00:00:00Z,60,50,USD,DAY_AHEAD
                KR,KR,2025-07-10T00:00:00Z,60,70,USD,DAY_AHEAD
                """);
        // Night 2: S1 restated from Q1 into Q3 2024, S4 new in Q2 2025, C1 restated, the June hour re-sent.
        landing.text("gpu_shipments", "2026-01-06", "shipments.csv", SHIPMENTS + """
                S1,2024-08-10,NVIDIA,H100,100,30000,USD,SKT,KR,
                S4,2025-05-10,NVIDIA,H100,10,28000,USD,SKT,KR,
                """);
        landing.text("telco_capex", "2026-01-06", "capex.csv", CAPEX + """
                C1,SKT,KR,2024-01-01,AI_COMPUTE,3000,USD,2026-01-06T00:00:00Z
                """);
        landing.text("energy_prices", "2026-01-06", "prices.csv", PRICES + """
                KR,KR,2025-06-10T00:00:00Z,60,55,USD,DAY_AHEAD
                """);
        // Night 3: the operators again, with one more; nothing else.
        landing.text("operators", "2026-01-07", "operators.csv",
                LandingFixture.OPERATORS_CSV + "KT,KT Corporation,TELCO,KR,\n");

        night1 = night("2026-01-05");
        assertGoldEqualsFullRecompute();
        night2 = night("2026-01-06");
        versionsAfterNight2 = tableVersions();
        assertGoldEqualsFullRecompute();
        night2Again = night("2026-01-06");
        versionsAfterNight2Again = tableVersions();
        night3 = night("2026-01-07");
        assertGoldEqualsFullRecompute();
    }

    private static Map<String, ReportResult> night(String date) {
        LocalDate night = LocalDate.parse(date);
        LandingZone zone = new LandingZone(landing.rootPath(), SharedSpark.spark().sparkContext().hadoopConfiguration());
        new IngestJob(warehouse, zone, "run-" + date).run(night, Datasets.ALL);
        Map<String, ReportResult> byReport = new LinkedHashMap<>();
        for (ReportResult result : new ReportJob(warehouse, ReportSettings.DEFAULTS)
                .run(GoldReports.ALL, false, "run-" + date)) {
            byReport.put(result.table().substring("gold.".length()), result);
        }
        return byReport;
    }

    /** Every gold table equals the report computed from scratch on the warehouse's current tables. */
    private static void assertGoldEqualsFullRecompute() {
        for (GoldReport report : GoldReports.ALL) {
            Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
            report.sources().forEach(source -> tables.put(source, warehouse.read(source)));
            Dataset<Row> full = report.compute(new GoldInputs(tables, ReportSettings.DEFAULTS));
            DataFrameAssertions.assertSameTable(report.name(), full,
                    warehouse.read(Layer.GOLD.table(report.name())), report.keyColumns());
        }
    }

    private static Map<String, Long> tableVersions() {
        Map<String, Long> versions = new LinkedHashMap<>();
        for (Row row : SharedSpark.spark().sql("SHOW TABLES IN gold").collectAsList()) {
            versions.put("gold." + row.getString(1), warehouse.version("gold." + row.getString(1)));
        }
        for (var spec : Datasets.ALL) {
            String silver = org.telcoai.lakehouse.silver.SilverSchema.table(spec);
            versions.put(silver, warehouse.version(silver));
            versions.put(Layer.BRONZE.table(spec.name()), warehouse.version(Layer.BRONZE.table(spec.name())));
        }
        versions.put(org.telcoai.lakehouse.ops.GoldWatermarks.TABLE,
                warehouse.version(org.telcoai.lakehouse.ops.GoldWatermarks.TABLE));
        return versions;
    }

    @Test
    void theFirstNightComputesEveryReportInFull() {
        assertEquals(GoldReports.ALL.size(), night1.size());
        night1.values().forEach(r -> assertEquals(Mode.FULL, r.mode(), r.table()));
        assertEquals("first computation", night1.get("gpu_vendor_share").scope());
    }

    @Test
    void theSecondNightRecomputesTheChangedPeriodsAndThoseThatDependOnThem() {
        // Shipments changed quarters 2024-01 (S1 before), 2024-07 (S1 after) and 2025-04 (S4); year-over-year
        // columns reach four quarters forward.
        assertScope(night2, "gpu_vendor_share",
                "quarter in [2024-01-01, 2024-07-01, 2025-01-01, 2025-04-01, 2025-07-01, 2026-04-01]");
        assertScope(night2, "gpu_market_concentration", "quarter in [2024-01-01, 2024-07-01, 2025-04-01]");
        assertScope(night2, "gpu_buyer_share", "year in [2024, 2025]");
        assertScope(night2, "accelerator_capacity", "year in [2024, 2025]");
        // Running totals: every year from the first changed one.
        assertScope(night2, "sovereign_capacity", "year >= 2024");
        // Capex of one operator (SKT) changed in 2024; the CAGR reaches three years forward.
        assertScope(night2, "capex_trends", "1 operator_id values");
        assertScope(night2, "ai_capex_by_country", "year in [2024, 2027]");
        assertScope(night2, "energy_price_monthly", "month in [2025-06-01]");
        assertEquals(Mode.FULL, night2.get("site_energy_cost").mode());
        assertEquals("changed: gold.energy_price_monthly", night2.get("site_energy_cost").scope());
    }

    @Test
    void incrementalRowsWrittenAreOnlyTheAffectedOnes() {
        // gpu_market_concentration: KR and WORLD in 2024-07 (S1) and 2025-04 (S4); 2024-01 is now empty.
        assertEquals(4, night2.get("gpu_market_concentration").rows());
        // capex_trends: SKT's quarters 2024-01 .. 2025-01 (a dense series of five).
        assertEquals(5, night2.get("capex_trends").rows());
        assertEquals(1, night2.get("energy_price_monthly").rows());
    }

    @Test
    void runningTheSameNightAgainChangesNoTable() {
        night2Again.values().forEach(r -> assertEquals(Mode.UNCHANGED, r.mode(), r.table()));
        assertEquals(versionsAfterNight2, versionsAfterNight2Again);
    }

    @Test
    void aReferenceChangeRecomputesTheReportsThatReadItInFull() {
        for (String report : List.of("gpu_buyer_share", "sovereign_capacity", "accelerator_capacity")) {
            assertEquals(Mode.FULL, night3.get(report).mode(), report);
            assertEquals("changed: reference.operators", night3.get(report).scope(), report);
        }
        for (String report : List.of("gpu_vendor_share", "capex_trends", "energy_price_monthly",
                "site_energy_cost")) {
            assertEquals(Mode.UNCHANGED, night3.get(report).mode(), report);
        }
    }

    private static void assertScope(Map<String, ReportResult> night, String report, String scope) {
        assertEquals(Mode.INCREMENTAL, night.get(report).mode(), report);
        assertEquals(scope, night.get(report).scope(), report);
    }
}
