package org.telcoai.lakehouse.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The capex and energy reports are registered, read only their declared sources and put their keys first. */
class CapexEnergyReportsRegistryTest {

    private static final Map<String, StructType> SCHEMAS = Map.of(
            CapexTrends.CAPEX, GoldTestData.CAPEX,
            EnergyPriceMonthly.PRICES, GoldTestData.ENERGY,
            SiteEnergyCost.SITES, GoldTestData.SITES,
            SiteEnergyCost.MONTHLY_PRICES, SiteEnergyCostTest.monthly().schema());

    @ParameterizedTest
    @ValueSource(strings = {"capex_trends", "ai_capex_by_country", "energy_price_monthly", "site_energy_cost"})
    void registeredWithKeysFirstOnEmptyInputs(String name) {
        GoldReport report = GoldReports.byName(name).orElseThrow();
        assertEquals(1, GoldReports.ALL.stream().filter(r -> r.name().equals(name)).count());
        Map<String, Dataset<Row>> tables = new HashMap<>();
        for (String source : report.sources()) {
            assertTrue(SCHEMAS.containsKey(source), source);
            tables.put(source, GoldTestData.frame(SCHEMAS.get(source)));
        }
        Dataset<Row> rows = report.compute(GoldTestData.inputs(tables));
        List<String> columns = Arrays.asList(rows.columns());
        assertEquals(report.keyColumns(), columns.subList(0, report.keyColumns().size()));
        assertEquals(0, rows.count());
    }
}
