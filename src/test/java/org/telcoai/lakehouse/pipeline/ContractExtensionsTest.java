package org.telcoai.lakehouse.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.landing.LandingZone;
import org.telcoai.lakehouse.testing.LandingFixture;
import org.telcoai.lakehouse.testing.SharedSpark;
import org.telcoai.lakehouse.warehouse.Warehouse;

/**
 * What public sources need from the contract: daily price series (1440 minutes), capex totals without a
 * breakdown (UNALLOCATED), research owners (RESEARCH) and installation records without a price.
 */
class ContractExtensionsTest {

    private static Warehouse warehouse;

    @BeforeAll
    static void ingest() {
        SharedSpark.resetWarehouse();
        warehouse = SharedSpark.warehouse();
        LandingFixture landing = new LandingFixture(SharedSpark.newTempDir("landing-extensions-"));
        String day = "2026-01-05";
        landing.defaultReferences(day);
        landing.text("operators", day, "operators.csv", LandingFixture.OPERATORS_CSV
                + "RIKEN,RIKEN,RESEARCH,JP,\n");
        landing.text("energy_prices", day, "daily.csv", """
                zone,country_iso,interval_start,interval_minutes,price,currency,market
                DE,DE,2025-12-01T00:00Z,1440,100.00,EUR,DAY_AHEAD
                DE,DE,2025-12-02T00:00:00Z,720,100.00,EUR,DAY_AHEAD
                DE,DE,2025-12-03T01:00+0100,1440,100.00,EUR,DAY_AHEAD
                """);
        landing.text("telco_capex", day, "annual.csv", """
                record_id,operator_id,country_iso,period_date,asset_class,amount,currency,updated_at
                T1,DTAG,DE,2025-12-01,UNALLOCATED,1000,EUR,2026-01-02T00:00:00Z
                """);
        // JPY has no FX rate in the fixture: fine without a price, NO_FX_RATE with one.
        landing.text("gpu_shipments", day, "installations.csv", """
                shipment_id,ship_date,vendor,product,units,unit_price,currency,buyer_id,destination_country_iso,site_id
                I1,2025-12-15,NVIDIA,H100,2000,,JPY,RIKEN,JP,
                I2,2025-12-15,NVIDIA,H100,8,25000,JPY,RIKEN,JP,
                """);
        new IngestJob(warehouse, new LandingZone(landing.rootPath(),
                SharedSpark.spark().sparkContext().hadoopConfiguration()), "run-extensions")
                .run(LocalDate.parse(day), Datasets.ALL);
    }

    @Test
    void dailyPricesAreValidAndOtherIntervalsStillAreNot() {
        // ISO-8601 without seconds, and an offset without its colon, are the same instants as the long forms.
        List<Row> daily = warehouse.read("silver.energy_prices").orderBy("interval_start")
                .select("interval_start", "interval_minutes", "price_usd_mwh").collectAsList();
        assertEquals(2, daily.size());
        assertEquals(java.time.Instant.parse("2025-12-01T00:00:00Z"), daily.get(0).getTimestamp(0).toInstant());
        assertEquals(java.time.Instant.parse("2025-12-03T00:00:00Z"), daily.get(1).getTimestamp(0).toInstant());
        assertEquals(1440, daily.get(0).getInt(1));
        assertEquals(0, new java.math.BigDecimal("105.0000").compareTo(daily.get(0).getDecimal(2)));
        assertEquals(List.of("BAD_INTERVAL"), warehouse.read("quarantine.energy_prices").head()
                .getList(warehouse.read("quarantine.energy_prices").schema().fieldIndex("reasons")));
    }

    @Test
    void unallocatedCapexAndResearchOperatorsAreAccepted() {
        assertEquals(1, warehouse.read("silver.telco_capex").where(col("asset_class").equalTo("UNALLOCATED"))
                .count());
        assertEquals(1, warehouse.read("reference.operators").where(col("operator_type").equalTo("RESEARCH"))
                .count());
    }

    @Test
    void anInstallationWithoutPriceIsValidWithoutUsdButAPricedOneNeedsARate() {
        List<Row> silver = warehouse.read("silver.gpu_shipments").select("shipment_id", "unit_price",
                "unit_price_usd").collectAsList();
        assertEquals(1, silver.size());
        assertEquals("I1", silver.get(0).getString(0));
        assertNull(silver.get(0).get(1));
        assertNull(silver.get(0).get(2));
        Row quarantined = warehouse.read("quarantine.gpu_shipments").head();
        assertEquals("I2", quarantined.getAs("shipment_id"));
        assertEquals(List.of("NO_FX_RATE"), quarantined.getList(quarantined.fieldIndex("reasons")));
    }
}
