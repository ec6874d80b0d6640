package org.telcoai.lakehouse.silver;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.gold.AiCapexByCountry;
import org.telcoai.lakehouse.gold.CapexRestatements;
import org.telcoai.lakehouse.gold.CapexTrends;
import org.telcoai.lakehouse.gold.GoldInputs;
import org.telcoai.lakehouse.gold.ReportSettings;
import org.telcoai.lakehouse.landing.LandingZone;
import org.telcoai.lakehouse.pipeline.IngestJob;
import org.telcoai.lakehouse.pipeline.ReportJob;
import org.telcoai.lakehouse.testing.DataFrameAssertions;
import org.telcoai.lakehouse.testing.LandingFixture;
import org.telcoai.lakehouse.testing.SharedSpark;
import org.telcoai.lakehouse.warehouse.Warehouse;

/**
 * Three capex deliveries over two nights: a restatement, an older version arriving late and a restatement that moves
 * a record to another quarter and year partition. The versions table keeps all five versions with the delivery each
 * arrived and was superseded in, its view as of each date is silver as it was then, and capex_restatements,
 * capex_trends and ai_capex_by_country after each night are what a hand count of the deliveries gives. KRW is
 * 0.00070 USD in December 2025, 0.00072 from January 2026.
 */
class SilverVersionsTest {

    private static final String HEADER = "record_id,operator_id,country_iso,period_date,asset_class,amount,currency,"
            + "updated_at\n";
    private static final String VERSIONS = SilverVersions.table(Datasets.TELCO_CAPEX);

    private static Warehouse warehouse;
    private static final List<List<String>> goldByNight = new java.util.ArrayList<>();

    @BeforeAll
    static void ingestThreeDeliveries() {
        SharedSpark.resetWarehouse();
        warehouse = SharedSpark.warehouse();
        LandingFixture landing = new LandingFixture(SharedSpark.newTempDir("landing-versions-"));
        landing.defaultReferences("2026-01-10");
        landing.text("telco_capex", "2026-01-10", "capex.csv", HEADER + """
                R1,SKT,KR,2025-12-01,AI_COMPUTE,1000000,KRW,2026-01-02T00:00:00Z
                R2,SKT,KR,2025-12-01,RAN,500000,KRW,2026-01-02T00:00:00Z
                """);
        // R1 restated; an older version of R2 (updated before the one known) arrives late and must not win.
        landing.text("telco_capex", "2026-01-20", "capex.csv", HEADER + """
                R1,SKT,KR,2025-12-01,AI_COMPUTE,1200000,KRW,2026-01-15T00:00:00Z
                R2,SKT,KR,2025-12-01,RAN,400000,KRW,2026-01-01T00:00:00Z
                """);
        // R1 restated again and moved to January 2026: another quarter and another year partition.
        landing.text("telco_capex", "2026-01-30", "capex.csv", HEADER + """
                R1,SKT,KR,2026-01-01,AI_COMPUTE,1000000,KRW,2026-01-25T00:00:00Z
                """);
        LandingZone zone = new LandingZone(landing.rootPath(), SharedSpark.spark().sparkContext().hadoopConfiguration());
        // The second night ingests two deliveries in one batch: versions are ordered by delivery within a batch too.
        for (String night : List.of("2026-01-10", "2026-01-30")) {
            new IngestJob(warehouse, zone, "run-" + night).run(LocalDate.parse(night),
                    List.of(Datasets.OPERATORS, Datasets.FX_RATES, Datasets.TELCO_CAPEX));
            new ReportJob(warehouse, ReportSettings.DEFAULTS).run(List.of(new CapexTrends(), new AiCapexByCountry()),
                    false, "run-" + night);
            goldByNight.add(gold());
        }
    }

    /** SKT's capex_trends quarters and the WORLD rows of ai_capex_by_country, as text. */
    private static List<String> gold() {
        List<String> rows = new java.util.ArrayList<>();
        warehouse.read("gold.capex_trends").where(col("operator_id").equalTo("SKT")).orderBy("quarter")
                .selectExpr("concat_ws(' ', 'capex_trends', cast(quarter as string), cast(capex_usd as string), "
                        + "cast(ai_capex_usd as string))")
                .collectAsList().forEach(row -> rows.add(row.getString(0)));
        warehouse.read("gold.ai_capex_by_country").where(col("country_iso").equalTo("WORLD")).orderBy("year")
                .selectExpr("concat_ws(' ', 'ai_capex_by_country', cast(year as string), cast(capex_usd as string), "
                        + "cast(ai_capex_usd as string))")
                .collectAsList().forEach(row -> rows.add(row.getString(0)));
        return rows;
    }

    @Test
    void goldFollowsTheRestatementsNightByNight() {
        assertEquals(List.of("capex_trends 2025-10-01 1050.0000 700.0000",
                "ai_capex_by_country 2025 1050.0000 700.0000"), goldByNight.get(0));
        // R1 restated twice, now 720 USD of AI compute in January 2026; R2's late older version changes nothing.
        assertEquals(List.of("capex_trends 2025-10-01 350.0000 0.0000", "capex_trends 2026-01-01 720.0000 720.0000",
                "ai_capex_by_country 2025 350.0000 0.0000", "ai_capex_by_country 2026 720.0000 720.0000"),
                goldByNight.get(1));
    }

    @Test
    void everyVersionIsKeptWithTheDeliveriesItArrivedAndWasSupersededIn() {
        List<String> versions = warehouse.read(VERSIONS).orderBy("record_id", "updated_at")
                .selectExpr("concat_ws(' ', record_id, cast(amount_usd as string), cast(arrived_in as string), "
                        + "coalesce(cast(superseded_in as string), 'current'))")
                .collectAsList().stream().map(row -> row.getString(0)).toList();
        assertEquals(List.of(
                "R1 700.0000 2026-01-10 2026-01-20",
                "R1 840.0000 2026-01-20 2026-01-30",
                "R1 720.0000 2026-01-30 current",
                // Arrived after the newer version it predates: superseded in the delivery it arrived in.
                "R2 280.0000 2026-01-20 2026-01-20",
                "R2 350.0000 2026-01-10 current"), versions);
    }

    @Test
    void theVersionsKnownOnADateAreSilverAsItWasThen() {
        assertEquals(List.of("R1 700.0000", "R2 350.0000"), amountsAsOf("2026-01-19"));
        assertEquals(List.of("R1 840.0000", "R2 350.0000"), amountsAsOf("2026-01-20"));
        assertEquals(List.of("R1 720.0000", "R2 350.0000"), amountsAsOf("2026-01-30"));
        assertEquals(0, SilverVersions.silverAsOf(Datasets.TELCO_CAPEX, warehouse.read(VERSIONS),
                LocalDate.parse("2026-01-09")).count(), "nothing known before the first delivery");
        DataFrameAssertions.assertNoOrderEquals(warehouse.read(SilverSchema.table(Datasets.TELCO_CAPEX)),
                SilverVersions.silverAsOf(Datasets.TELCO_CAPEX, warehouse.read(VERSIONS), LocalDate.parse("2026-12-31")));
    }

    @Test
    void aResumedBatchChangesNothing() {
        // The second night's batch MERGEd again, as a run resuming it after a crash would.
        List<Row> before = warehouse.read(VERSIONS).orderBy("record_id", "updated_at").collectAsList();
        long versionBefore = warehouse.version(VERSIONS);
        Dataset<Row> secondBatch = warehouse.read(VERSIONS)
                .where(col(SilverVersions.ARRIVED_IN).equalTo(java.sql.Date.valueOf("2026-01-20")))
                .select(SilverVersions.columns(SilverSchema.of(Datasets.TELCO_CAPEX)));
        assertEquals(2, secondBatch.count());
        long batch = secondBatch.select("_ingest_batch").head().getLong(0);
        new SilverWriter(warehouse).mergeVersions(Datasets.TELCO_CAPEX, secondBatch, batch);
        assertEquals(before, warehouse.read(VERSIONS).orderBy("record_id", "updated_at").collectAsList());
        assertEquals(versionBefore, warehouse.version(VERSIONS), "nothing to commit");
    }

    @Test
    void capexRestatementsCountWhatChangedSinceFirstReported() {
        Dataset<Row> report = new CapexRestatements().compute(new GoldInputs(Map.of(VERSIONS,
                warehouse.read(VERSIONS)), ReportSettings.DEFAULTS));
        List<String> rows = report.orderBy("as_of", "quarter").selectExpr("concat_ws(' ', operator_id, "
                + "cast(quarter as string), cast(as_of as string), cast(capex_usd_first_reported as string), "
                + "cast(capex_usd_as_of as string), cast(capex_usd_difference as string), "
                + "cast(records_restated as string))").collectAsList().stream().map(row -> row.getString(0)).toList();
        assertEquals(List.of(
                // 2026-01-10: first reports only. 2026-01-20: R1 700 -> 840; R2's late older version changes nothing.
                "SKT 2025-10-01 2026-01-20 1050.0000 1190.0000 140.0000 1",
                // 2026-01-30: R1 left Q4 2025 for Q1 2026 at 720.
                "SKT 2025-10-01 2026-01-30 1050.0000 350.0000 -700.0000 1",
                "SKT 2026-01-01 2026-01-30 0.0000 720.0000 720.0000 1"), rows);
    }

    private static List<String> amountsAsOf(String date) {
        return SilverVersions.silverAsOf(Datasets.TELCO_CAPEX, warehouse.read(VERSIONS), LocalDate.parse(date))
                .orderBy("record_id").selectExpr("concat_ws(' ', record_id, cast(amount_usd as string))")
                .collectAsList().stream().map(row -> row.getString(0)).toList();
    }
}
