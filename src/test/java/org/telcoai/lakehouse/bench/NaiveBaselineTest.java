package org.telcoai.lakehouse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.datasets.DatasetSpec;
import org.telcoai.lakehouse.demo.DemoDataGenerator;
import org.telcoai.lakehouse.demo.DemoOptions;
import org.telcoai.lakehouse.demo.DemoSummary;
import org.telcoai.lakehouse.gold.AcceleratorCapacity;
import org.telcoai.lakehouse.gold.AiCapexByCountry;
import org.telcoai.lakehouse.gold.CapexTrends;
import org.telcoai.lakehouse.gold.EnergyPriceMonthly;
import org.telcoai.lakehouse.gold.GoldReport;
import org.telcoai.lakehouse.gold.GpuBuyerShare;
import org.telcoai.lakehouse.gold.GpuMarketConcentration;
import org.telcoai.lakehouse.gold.GpuVendorShare;
import org.telcoai.lakehouse.gold.Periods;
import org.telcoai.lakehouse.gold.ReportSettings;
import org.telcoai.lakehouse.gold.SiteEnergyCost;
import org.telcoai.lakehouse.gold.SovereignCapacity;
import org.telcoai.lakehouse.pipeline.IngestJob;
import org.telcoai.lakehouse.testing.SharedSpark;
import org.telcoai.lakehouse.warehouse.Layer;

/** The benchmark's naive side loads every delivered line and computes every report from what it loaded. */
class NaiveBaselineTest {

    private static final LocalDate END = LocalDate.parse("2026-06-30");
    private static SparkSession spark;
    private static DemoSummary generated;
    private static NaiveBaseline baseline;
    /** The loaded naive tables' rows by qualified name, collected once for every check that reads them. */
    private static final Map<String, List<Row>> LOADED_ROWS = new HashMap<>();
    private static List<Shipment> shipments;
    private static Map<String, Row> operatorsById;

    @BeforeAll
    static void generate() throws Exception {
        spark = SharedSpark.spark();
        Path landing = SharedSpark.newTempDir("naive-landing-");
        // No defective rows: a naive reader keeps or drops those as it pleases, which is not what is measured here.
        generated = new DemoDataGenerator(new DemoOptions(landing, 0.001, 1, 11L, 0.0, END, 1)).generate();
        baseline = new NaiveBaseline(spark, landing.toString(),
                SharedSpark.newTempDir("naive-tables-").toUri().toString());
    }

    @Test
    void loadsEveryDeliveredLineAndTheBuiltInReferenceTables() throws Exception {
        for (DatasetSpec spec : Datasets.ALL) {
            long expected = spec.isReference() ? builtinLines(spec) : generated.rowsPerDataset().get(spec.name());
            assertEquals(expected, baseline.load(spec, END), spec.name());
        }
        // Every report, reading the loaded tables (and site_energy_cost the report before it), has a unique key.
        for (GoldReport report : NaiveBaseline.REPORTS) {
            long rows = baseline.report(report, ReportSettings.DEFAULTS);
            Dataset<Row> table = spark.read().format("delta").load(baselineGold(report));
            assertEquals(rows, table.count(), report.name());
            assertEquals(rows, table.select(report.keyColumns().stream().map(org.apache.spark.sql.functions::col)
                    .toArray(org.apache.spark.sql.Column[]::new)).distinct().count(), report.name() + " keys");
        }
        // Each report's exact keys and main measures, worked out again in plain Java from the loaded rows.
        assertMonthlyPricesCountEveryLoadedInterval();
        assertWorldVendorUnitsCountEveryLoadedShipment();
        assertConcentrationLeadersAndHhiFromLoadedRevenue();
        assertBuyerShareUnitsAndRevenueFromLoadedShipments();
        assertSovereignCapacityCumulatesLoadedShipments();
        assertAcceleratorCapacityFromLoadedShipmentsAndRatings();
        assertCapexTrendsFromLoadedCapex();
        assertAiCapexByCountryFromLoadedCapex();
        assertSiteEnergyCostFromLoadedSitesAndPrices();
    }

    /**
     * gpu_vendor_share's WORLD rows worked out again in plain Java from the loaded shipments: every shipment's units
     * once, under the calendar quarter of its ship date and its vendor.
     */
    private static void assertWorldVendorUnitsCountEveryLoadedShipment() {
        Map<List<Object>, Long> expected = new HashMap<>();
        for (Shipment shipment : shipments()) {
            expected.merge(List.of(shipment.quarter(), shipment.vendor()), shipment.units(), Long::sum);
        }
        Map<List<Object>, Long> reported = new HashMap<>();
        for (Row row : spark.read().format("delta").load(baselineGold(new GpuVendorShare()))
                .where("region = 'WORLD'").select("quarter", "vendor", "units").collectAsList()) {
            reported.put(List.of(row.getDate(0).toLocalDate(), row.getString(1)), row.getLong(2));
        }
        assertTrue(expected.size() > 10, "vendor quarters loaded: " + expected.size());
        assertEquals(expected, reported);
    }

    /**
     * energy_price_monthly worked out again in plain Java from the loaded price rows: one row per zone, market and
     * UTC month of interval_start, and together they count every interval once.
     */
    private static void assertMonthlyPricesCountEveryLoadedInterval() {
        Set<List<Object>> keys = new HashSet<>();
        long intervals = 0;
        long minutes = 0;
        for (Row row : loaded(Layer.SILVER, "energy_prices")) {
            if (row.getAs("price") == null) {
                continue;
            }
            keys.add(List.of(row.getAs("zone"), row.getAs("market"), utcMonth(row)));
            intervals++;
            minutes += row.<Integer>getAs("interval_minutes");
        }
        Row totals = spark.read().format("delta").load(baselineGold(new EnergyPriceMonthly()))
                .selectExpr("count(*)", "sum(interval_count)", "sum(covered_hours)").head();
        assertTrue(intervals > 1000, "prices loaded: " + intervals);
        assertEquals(keys.size(), totals.getLong(0), "zone, market and month of the loaded prices");
        assertEquals(intervals, totals.getLong(1), "intervals with a price");
        assertEquals(minutes / 60.0, totals.getDouble(2), 1e-6, "hours covered");
    }

    /**
     * gpu_market_concentration from the loaded shipments: every quarter and region shipped to, its leader (most
     * revenue, ties by vendor name) and the HHI of the vendors' revenue shares; both null without priced revenue.
     */
    private static void assertConcentrationLeadersAndHhiFromLoadedRevenue() {
        Map<List<Object>, Map<String, BigDecimal>> vendorRevenue = new HashMap<>();
        for (Shipment shipment : shipments()) {
            for (String region : shipment.regions()) {
                Map<String, BigDecimal> byVendor = vendorRevenue.computeIfAbsent(
                        List.of(shipment.quarter(), region), key -> new TreeMap<>());
                if (shipment.revenue() != null) {
                    byVendor.merge(shipment.vendor(), shipment.revenue(), BigDecimal::add);
                }
            }
        }
        Map<List<Object>, List<Object>> expected = new HashMap<>();
        vendorRevenue.forEach((quarterRegion, byVendor) -> {
            double total = byVendor.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue();
            String leader = null;
            BigDecimal most = null;
            for (Map.Entry<String, BigDecimal> vendor : byVendor.entrySet()) { // by name: a tie keeps the first
                if (most == null || vendor.getValue().compareTo(most) > 0) {
                    leader = vendor.getKey();
                    most = vendor.getValue();
                }
            }
            double hhi = byVendor.values().stream()
                    .mapToDouble(revenue -> Math.pow(revenue.doubleValue() / total * 100, 2)).sum();
            expected.put(quarterRegion, total == 0 ? Arrays.asList(null, null) : List.of(leader, hhi));
        });
        assertReported(new GpuMarketConcentration(), List.of("leader_vendor", "hhi"), expected);
    }

    /** gpu_buyer_share from the loaded shipments and operators: units and priced revenue per year, region and type. */
    private static void assertBuyerShareUnitsAndRevenueFromLoadedShipments() {
        Map<List<Object>, Long> units = new HashMap<>();
        Map<List<Object>, BigDecimal> revenue = new HashMap<>();
        for (Shipment shipment : shipments()) {
            for (String region : shipment.regions()) {
                List<Object> key = List.of(shipment.year(), region, buyerType(shipment));
                units.merge(key, shipment.units(), Long::sum);
                if (shipment.revenue() != null) {
                    revenue.merge(key, shipment.revenue(), BigDecimal::add);
                }
            }
        }
        Map<List<Object>, List<Object>> expected = new HashMap<>();
        units.forEach((key, sum) -> expected.put(key, Arrays.asList(sum, revenue.get(key))));
        assertReported(new GpuBuyerShare(), List.of("units", "revenue_usd"), expected);
    }

    /**
     * sovereign_capacity from the loaded shipments and operators: each country from its first shipment year to the
     * last year of all shipments, with units and units bought by its own telcos summed up to the year.
     */
    private static void assertSovereignCapacityCumulatesLoadedShipments() {
        Map<String, TreeMap<Integer, long[]>> byCountry = new HashMap<>(); // country -> year -> {units, domestic}
        for (Shipment shipment : shipments()) {
            Row buyer = operators().get(shipment.buyerId()); // a missing buyer is never domestic
            boolean domestic = buyer != null && "TELCO".equals(buyer.getAs("operator_type"))
                    && shipment.country().equals(buyer.getAs("home_country_iso"));
            long[] sums = byCountry.computeIfAbsent(shipment.country(), country -> new TreeMap<>())
                    .computeIfAbsent(shipment.year(), year -> new long[2]);
            sums[0] += shipment.units();
            sums[1] += domestic ? shipment.units() : 0;
        }
        int lastYear = shipments().stream().mapToInt(Shipment::year).max().orElseThrow();
        Map<List<Object>, List<Object>> expected = new HashMap<>();
        byCountry.forEach((country, byYear) -> {
            long gpus = 0;
            long domestic = 0;
            for (int year = byYear.firstKey(); year <= lastYear; year++) {
                long[] sums = byYear.getOrDefault(year, new long[2]);
                gpus += sums[0];
                domestic += sums[1];
                expected.put(List.of(year, country), List.of(gpus, domestic));
            }
        });
        assertReported(new SovereignCapacity(), List.of("gpus_cumulative", "domestic_telco_gpus_cumulative"),
                expected);
    }

    /**
     * accelerator_capacity from the loaded shipments, operators and accelerators: units, rated units and
     * H100-equivalents (16-bit TFLOP/s over the H100's, half-up to 6 decimals per unit) per year, region, buyer
     * type and vendor.
     */
    private static void assertAcceleratorCapacityFromLoadedShipmentsAndRatings() {
        Map<String, BigDecimal> h100PerUnit = new HashMap<>();
        for (Row accelerator : loaded(Layer.REFERENCE, "accelerators")) {
            BigDecimal tflops = accelerator.getAs("tflops_16bit");
            if (tflops != null) {
                h100PerUnit.put(accelerator.getAs("product"), tflops.divide(
                        ReportSettings.DEFAULTS.h100Tflops16bit(), 6, RoundingMode.HALF_UP));
            }
        }
        Map<List<Object>, Long> units = new HashMap<>();
        Map<List<Object>, Long> ratedUnits = new HashMap<>();
        Map<List<Object>, BigDecimal> h100Equivalents = new HashMap<>();
        for (Shipment shipment : shipments()) {
            BigDecimal perUnit = h100PerUnit.get(shipment.product());
            for (String region : shipment.regions()) {
                List<Object> key = List.of(shipment.year(), region, buyerType(shipment), shipment.vendor());
                units.merge(key, shipment.units(), Long::sum);
                if (perUnit != null) {
                    ratedUnits.merge(key, shipment.units(), Long::sum);
                    h100Equivalents.merge(key, perUnit.multiply(BigDecimal.valueOf(shipment.units())),
                            BigDecimal::add);
                }
            }
        }
        Map<List<Object>, List<Object>> expected = new HashMap<>();
        units.forEach((key, sum) -> expected.put(key,
                Arrays.asList(sum, ratedUnits.getOrDefault(key, 0L), h100Equivalents.get(key))));
        assertReported(new AcceleratorCapacity(), List.of("units", "rated_units", "h100_equivalents"), expected);
    }

    /**
     * capex_trends from the loaded capex: every quarter of each operator's own first-to-last range (gaps zero),
     * its capex, AI capex and trailing-twelve-month capex.
     */
    private static void assertCapexTrendsFromLoadedCapex() {
        Map<String, TreeMap<LocalDate, BigDecimal[]>> byOperator = new HashMap<>(); // quarter -> {capex, AI}
        for (Row row : loaded(Layer.SILVER, "telco_capex")) {
            BigDecimal amount = row.getAs("amount");
            if (amount == null) {
                continue; // no USD amount: ignored, also for the operator's range
            }
            BigDecimal[] sums = byOperator.computeIfAbsent(row.getAs("operator_id"), operator -> new TreeMap<>())
                    .computeIfAbsent(quarterOf(row.<Date>getAs("period_date").toLocalDate()),
                            quarter -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(amount);
            sums[1] = sums[1].add(aiAmount(row));
        }
        Map<List<Object>, List<Object>> expected = new HashMap<>();
        byOperator.forEach((operator, byQuarter) -> {
            BigDecimal[] none = {BigDecimal.ZERO, BigDecimal.ZERO};
            for (LocalDate quarter = byQuarter.firstKey(); !quarter.isAfter(byQuarter.lastKey());
                    quarter = quarter.plusMonths(3)) {
                BigDecimal ttm = BigDecimal.ZERO;
                for (int back = 0; back < 4; back++) {
                    ttm = ttm.add(byQuarter.getOrDefault(quarter.minusMonths(3L * back), none)[0]);
                }
                BigDecimal[] sums = byQuarter.getOrDefault(quarter, none);
                expected.put(List.of(operator, quarter), List.of(sums[0], sums[1], ttm));
            }
        });
        assertReported(new CapexTrends(), List.of("capex_usd", "ai_capex_usd", "capex_ttm_usd"), expected);
    }

    /** ai_capex_by_country from the loaded capex: capex and AI capex per year and country, and per year in WORLD. */
    private static void assertAiCapexByCountryFromLoadedCapex() {
        Map<List<Object>, BigDecimal> capex = new HashMap<>();
        Map<List<Object>, BigDecimal> aiCapex = new HashMap<>();
        for (Row row : loaded(Layer.SILVER, "telco_capex")) {
            BigDecimal amount = row.getAs("amount");
            if (amount == null) {
                continue;
            }
            int year = row.<Date>getAs("period_date").toLocalDate().getYear();
            for (String region : List.of(row.<String>getAs("country_iso"), Periods.WORLD)) {
                capex.merge(List.of(year, region), amount, BigDecimal::add);
                aiCapex.merge(List.of(year, region), aiAmount(row), BigDecimal::add);
            }
        }
        Map<List<Object>, List<Object>> expected = new HashMap<>();
        capex.forEach((key, sum) -> expected.put(key, List.of(sum, aiCapex.get(key))));
        assertReported(new AiCapexByCountry(), List.of("capex_usd", "ai_capex_usd"), expected);
    }

    /**
     * site_energy_cost from the loaded sites and prices: each site with a commissioning date and zone, every month
     * from its commissioning to the zone's last DAY_AHEAD price, its energy (capacity x PUE x hours x utilization,
     * half-up to 6 decimals) and that month's minute-weighted DAY_AHEAD price (half-up to 4; null when none).
     */
    private static void assertSiteEnergyCostFromLoadedSitesAndPrices() {
        Map<String, TreeMap<YearMonth, BigDecimal[]>> dayAhead = new HashMap<>(); // {price x minutes, minutes}
        for (Row row : loaded(Layer.SILVER, "energy_prices")) {
            BigDecimal price = row.getAs("price");
            if (price != null && SiteEnergyCost.MARKET.equals(row.getAs("market"))) {
                BigDecimal minutes = BigDecimal.valueOf(row.<Integer>getAs("interval_minutes"));
                BigDecimal[] sums = dayAhead.computeIfAbsent(row.getAs("zone"), zone -> new TreeMap<>())
                        .computeIfAbsent(utcMonth(row), month -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                sums[0] = sums[0].add(price.multiply(minutes));
                sums[1] = sums[1].add(minutes);
            }
        }
        BigDecimal utilization = BigDecimal.valueOf(ReportSettings.DEFAULTS.siteUtilization());
        Map<List<Object>, List<Object>> expected = new HashMap<>();
        for (Row site : loaded(Layer.REFERENCE, "sites")) {
            Date commissioned = site.getAs("commissioned_date");
            TreeMap<YearMonth, BigDecimal[]> prices = dayAhead.get(site.<String>getAs("zone"));
            if (commissioned == null || prices == null) {
                continue; // no month range: no zone, no commissioning date or no DAY_AHEAD price in the zone
            }
            BigDecimal capacity = site.getAs("it_capacity_mw");
            BigDecimal pue = site.getAs("pue");
            for (YearMonth month = YearMonth.from(commissioned.toLocalDate()); !month.isAfter(prices.lastKey());
                    month = month.plusMonths(1)) {
                BigDecimal energy = capacity == null || pue == null ? null : capacity.multiply(pue)
                        .multiply(BigDecimal.valueOf(month.lengthOfMonth() * 24L)).multiply(utilization)
                        .setScale(6, RoundingMode.HALF_UP);
                BigDecimal[] sums = prices.get(month);
                expected.put(List.of(site.getAs("site_id"), month.atDay(1)), Arrays.asList(energy,
                        sums == null ? null : sums[0].divide(sums[1], 4, RoundingMode.HALF_UP)));
            }
        }
        assertReported(new SiteEnergyCost(), List.of("energy_mwh", "avg_price_usd_mwh"), expected);
    }

    /**
     * {@code report}'s table has exactly the expected keys, and per key the expected values of {@code columns}:
     * decimals equal in value whatever their scale, doubles within 1e-6, anything else equal.
     */
    private static void assertReported(GoldReport report, List<String> columns,
                                       Map<List<Object>, List<Object>> expected) {
        assertFalse(expected.isEmpty(), report.name() + ": the loaded rows give no key to compare");
        int keyCount = report.keyColumns().size();
        Map<List<Object>, List<Object>> reported = new HashMap<>();
        for (Row row : spark.read().format("delta").load(baselineGold(report))
                .selectExpr(Stream.concat(report.keyColumns().stream(), columns.stream())
                        .toArray(String[]::new)).collectAsList()) {
            List<Object> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                cells.add(row.get(i) instanceof Date date ? date.toLocalDate() : row.get(i));
            }
            reported.put(new ArrayList<>(cells.subList(0, keyCount)), cells.subList(keyCount, cells.size()));
        }
        assertEquals(expected.keySet(), reported.keySet(), report.name() + " keys");
        expected.forEach((key, values) -> {
            for (int i = 0; i < columns.size(); i++) {
                Object want = values.get(i);
                Object got = reported.get(key).get(i);
                boolean same = want instanceof BigDecimal decimal && got instanceof BigDecimal stored
                        ? decimal.compareTo(stored) == 0
                        : want instanceof Double number && got instanceof Double stored
                                ? Math.abs(number - stored) <= 1e-6 : Objects.equals(want, got);
                assertTrue(same, report.name() + "." + columns.get(i) + " at " + key + ": expected " + want
                        + ", reported " + got);
            }
        });
    }

    /** A loaded shipment as the GPU reports read it; revenue (units x unit price) is null without a price. */
    private record Shipment(LocalDate shipped, String vendor, String product, long units, BigDecimal revenue,
                            String buyerId, String country) {

        static Shipment of(Row row) {
            long units = row.<Integer>getAs("units");
            BigDecimal price = row.getAs("unit_price");
            return new Shipment(row.<Date>getAs("ship_date").toLocalDate(), row.getAs("vendor"),
                    row.getAs("product"), units, price == null ? null : price.multiply(BigDecimal.valueOf(units)),
                    row.getAs("buyer_id"), row.getAs("destination_country_iso"));
        }

        LocalDate quarter() {
            return quarterOf(shipped);
        }

        int year() {
            return shipped.getYear();
        }

        /** Each shipment counts in its destination country and once more in WORLD. */
        List<String> regions() {
            return List.of(country, Periods.WORLD);
        }
    }

    private static List<Shipment> shipments() {
        if (shipments == null) {
            shipments = loaded(Layer.SILVER, "gpu_shipments").stream().map(Shipment::of).toList();
        }
        return shipments;
    }

    /** The loaded operators by operator_id (one row each, as the reports' join assumes). */
    private static Map<String, Row> operators() {
        if (operatorsById == null) {
            operatorsById = new HashMap<>();
            loaded(Layer.REFERENCE, "operators").forEach(row -> operatorsById.put(row.getAs("operator_id"), row));
            assertEquals(loaded(Layer.REFERENCE, "operators").size(), operatorsById.size(), "operator ids");
        }
        return operatorsById;
    }

    /** The buyer's operator_type; UNKNOWN for a buyer missing from the operators, as the reports count it. */
    private static String buyerType(Shipment shipment) {
        Row buyer = operators().get(shipment.buyerId());
        return buyer == null ? "UNKNOWN" : buyer.getAs("operator_type");
    }

    private static BigDecimal aiAmount(Row capex) {
        return CapexTrends.AI_ASSET_CLASSES.contains(capex.<String>getAs("asset_class"))
                ? capex.getAs("amount") : BigDecimal.ZERO;
    }

    /** First day of the calendar quarter. */
    private static LocalDate quarterOf(LocalDate date) {
        return LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }

    /** The UTC month an energy price interval starts in. */
    private static YearMonth utcMonth(Row price) {
        return YearMonth.from(price.<Timestamp>getAs("interval_start").toInstant().atZone(ZoneOffset.UTC));
    }

    /** The rows of a loaded naive table, collected once for every check that reads them. */
    private static List<Row> loaded(Layer layer, String name) {
        return LOADED_ROWS.computeIfAbsent(layer.schema() + "." + name, table -> {
            List<Row> rows = spark.read().format("delta").load(baseline.tablePath(layer, name)).collectAsList();
            assertFalse(rows.isEmpty(), table + " loaded no rows");
            return rows;
        });
    }

    private static String baselineGold(GoldReport report) {
        return baseline.tablePath(Layer.GOLD, report.name());
    }

    private static long builtinLines(DatasetSpec spec) throws Exception {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(NaiveBaselineTest.class.getClassLoader()
                .getResourceAsStream(IngestJob.BUILTIN_REFERENCE_FOLDER + spec.name() + ".csv"),
                StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(line -> !line.isBlank()).count();
        }
    }
}
