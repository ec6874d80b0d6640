package org.telcoai.lakehouse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.telcoai.lakehouse.gold.EnergyPriceMonthly;
import org.telcoai.lakehouse.gold.GoldReport;
import org.telcoai.lakehouse.gold.GpuVendorShare;
import org.telcoai.lakehouse.gold.ReportSettings;
import org.telcoai.lakehouse.pipeline.IngestJob;
import org.telcoai.lakehouse.testing.SharedSpark;
import org.telcoai.lakehouse.warehouse.Layer;

/** The benchmark's naive side loads every delivered line and computes every report from what it loaded. */
class NaiveBaselineTest {

    private static final LocalDate END = LocalDate.parse("2026-06-30");
    private static SparkSession spark;
    private static DemoSummary generated;
    private static NaiveBaseline baseline;

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
            assertTrue(rows > 0, report.name() + " is empty");
            Dataset<Row> table = spark.read().format("delta").load(baselineGold(report));
            assertEquals(rows, table.count(), report.name());
            assertEquals(rows, table.select(report.keyColumns().stream().map(org.apache.spark.sql.functions::col)
                    .toArray(org.apache.spark.sql.Column[]::new)).distinct().count(), report.name() + " keys");
        }
        assertMonthlyPricesCountEveryLoadedInterval();
        assertWorldVendorUnitsCountEveryLoadedShipment();
    }

    /**
     * gpu_vendor_share's WORLD rows worked out again in plain Java from the loaded shipments: every shipment's units
     * once, under the calendar quarter of its ship date and its vendor.
     */
    private static void assertWorldVendorUnitsCountEveryLoadedShipment() {
        Map<List<Object>, Long> expected = new HashMap<>();
        for (Row row : spark.read().format("delta").load(baseline.tablePath(Layer.SILVER, "gpu_shipments"))
                .select("ship_date", "vendor", "units").collectAsList()) {
            LocalDate shipped = row.getDate(0).toLocalDate();
            LocalDate quarter = LocalDate.of(shipped.getYear(), (shipped.getMonthValue() - 1) / 3 * 3 + 1, 1);
            expected.merge(List.of(quarter, row.getString(1)), (long) row.getInt(2), Long::sum);
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
        for (Row row : spark.read().format("delta").load(baseline.tablePath(Layer.SILVER, "energy_prices"))
                .select("zone", "market", "interval_start", "interval_minutes", "price").collectAsList()) {
            if (row.isNullAt(4)) {
                continue;
            }
            YearMonth month = YearMonth.from(row.getTimestamp(2).toInstant().atZone(ZoneOffset.UTC));
            keys.add(List.of(row.getString(0), row.getString(1), month));
            intervals++;
            minutes += row.getInt(3);
        }
        Row totals = spark.read().format("delta").load(baselineGold(new EnergyPriceMonthly()))
                .selectExpr("count(*)", "sum(interval_count)", "sum(covered_hours)").head();
        assertTrue(intervals > 1000, "prices loaded: " + intervals);
        assertEquals(keys.size(), totals.getLong(0), "zone, market and month of the loaded prices");
        assertEquals(intervals, totals.getLong(1), "intervals with a price");
        assertEquals(minutes / 60.0, totals.getDouble(2), 1e-6, "hours covered");
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
