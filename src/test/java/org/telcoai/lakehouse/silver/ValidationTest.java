package org.telcoai.lakehouse.silver;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.telcoai.lakehouse.bronze.BronzeSchema;
import org.telcoai.lakehouse.bronze.Lineage;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.datasets.DatasetSpec;
import org.telcoai.lakehouse.datasets.ReasonCode;
import org.telcoai.lakehouse.testing.DataFrameAssertions;
import org.telcoai.lakehouse.testing.SharedSpark;
import org.telcoai.lakehouse.testing.Utc;
import org.telcoai.lakehouse.warehouse.Warehouse;

/**
 * Validation on hand-written bronze rows against small reference tables written directly to their Delta paths:
 * every reason code, rows with several reasons, and exact USD amounts for each way an FX rate is found.
 * Reference: operators SKT, MSFT, DTAG; sites SITE-1, SITE-2; KRW 0.00070 from 2025-12-01 and 0.00072 from
 * 2026-01-01; EUR 1.05 from 2025-12-01 only.
 */
class ValidationTest {

    private static final String RUN = "run-validation";
    private static final Date DELIVERY = Date.valueOf("2026-03-31");
    private static final String TS = "2025-12-10T00:00:00Z";

    private static SparkSession spark;
    private static Warehouse warehouse;
    /** Per dataset: row number -> validated row (reasons, details, USD). */
    private static final Map<String, Map<Long, Row>> RESULTS = new HashMap<>();
    private static final Map<String, Dataset<Row>> VALIDATED = new HashMap<>();

    @BeforeAll
    static void validateEverything() {
        spark = SharedSpark.spark();
        SharedSpark.resetWarehouse();
        warehouse = SharedSpark.warehouse();
        writeReference(Datasets.OPERATORS, List.of(
                ref(Datasets.OPERATORS, 1, "SKT", "SK Telecom", "TELCO", "KR", "SK Group"),
                ref(Datasets.OPERATORS, 2, "MSFT", "Microsoft", "HYPERSCALER", "US", null),
                ref(Datasets.OPERATORS, 3, "DTAG", "Deutsche Telekom", "TELCO", "DE", null)));
        writeReference(Datasets.FX_RATES, List.of(
                ref(Datasets.FX_RATES, 1, Date.valueOf("2025-12-01"), "KRW", new BigDecimal("0.00070")),
                ref(Datasets.FX_RATES, 2, Date.valueOf("2026-01-01"), "KRW", new BigDecimal("0.00072")),
                ref(Datasets.FX_RATES, 3, Date.valueOf("2025-12-01"), "EUR", new BigDecimal("1.05"))));
        writeReference(Datasets.SITES, List.of(
                ref(Datasets.SITES, 1, "SITE-1", "SKT", "KR", "KR", new BigDecimal("40.000"),
                        new BigDecimal("1.300"), Date.valueOf("2025-06-01")),
                ref(Datasets.SITES, 2, "SITE-2", "MSFT", "US", "ERCOT", null, null, null)));

        validate(Datasets.TELCO_CAPEX, List.of(
                bronze(Datasets.TELCO_CAPEX, 1, "C1", "SKT", "KR", "2025-12-01", "RAN", "1000000", "KRW", TS),
                bronze(Datasets.TELCO_CAPEX, 2, "C2", "SKT", "KR", "2026-01-01", "CORE", "1000000", "KRW",
                        "2026-01-02T09:00:00+09:00"),
                malformed(Datasets.TELCO_CAPEX, 3, "C3,SKT,KR", "expected 8 fields, found 3"),
                bronze(Datasets.TELCO_CAPEX, 4, "C4", "  ", "KR", "2025-12-01", "", "1", "KRW", TS),
                bronze(Datasets.TELCO_CAPEX, 5, "C5", "SKT", "KR", "2025-02-30", "RAN", "1", "KRW", TS),
                bronze(Datasets.TELCO_CAPEX, 6, "C6", "SKT", "KR", "2025-1-5", "RAN", "1", "KRW", TS),
                bronze(Datasets.TELCO_CAPEX, 7, "C7", "SKT", "KR", "2025-12-01", "RAN", "1", "KRW",
                        "2025-12-10T00:00:00"),
                bronze(Datasets.TELCO_CAPEX, 8, "C8", "SKT", "KR", "2025-12-01", "RAN", "NaN", "KRW", TS),
                bronze(Datasets.TELCO_CAPEX, 9, "C9", "SKT", "KR", "2025-12-01", "RAN", "Infinity", "KRW", TS),
                bronze(Datasets.TELCO_CAPEX, 10, "C10", "SKT", "KR", "2025-12-01", "RAN", "1234567890123456789",
                        "KRW", TS),
                bronze(Datasets.TELCO_CAPEX, 11, "C11", "SKT", "KR", "2025-12-01", "ran", "1", "KRW", TS),
                bronze(Datasets.TELCO_CAPEX, 12, "C12", "SKT", "UK", "2025-12-01", "RAN", "1", "KRW", TS),
                bronze(Datasets.TELCO_CAPEX, 13, "C13", "SKT", "KR", "2025-12-01", "RAN", "1", "XXX", TS),
                bronze(Datasets.TELCO_CAPEX, 14, "C14", "SKT", "KR", "2025-12-15", "RAN", "1", "KRW", TS),
                bronze(Datasets.TELCO_CAPEX, 15, "C15", "ACME", "KR", "2025-12-01", "RAN", "1", "KRW", TS),
                bronze(Datasets.TELCO_CAPEX, 16, "C16", "SKT", "UK", "2025-12-01", "ran", "1", "KRW", TS),
                bronze(Datasets.TELCO_CAPEX, 17, "C17", "SKT", "KR", "2025-11-01", "RAN", "1", "KRW", TS),
                bronze(Datasets.TELCO_CAPEX, 18, "C18", "DTAG", "DE", "2026-03-01", "FIBER", "100", "EUR", TS),
                bronze(Datasets.TELCO_CAPEX, 19, "C19", "MSFT", "US", "2020-01-01", "AI_COMPUTE", "250.5", "USD",
                        TS),
                bronze(Datasets.TELCO_CAPEX, 20, "C20", null, "KR", "2025-12-01", "RAN", "1", "KRW", TS),
                bronze(Datasets.TELCO_CAPEX, 21, "C21", "MSFT", "US", "1989-12-01", "RAN", "1", "USD", TS),
                bronze(Datasets.TELCO_CAPEX, 22, "C22", "MSFT", "US", "2026-04-01", "RAN", "1", "USD", TS)));
        validate(Datasets.ENERGY_PRICES, List.of(
                bronze(Datasets.ENERGY_PRICES, 1, "DE-LU", "DE", "2026-01-04T00:00:00Z", "60", "85.50", "EUR",
                        "DAY_AHEAD"),
                bronze(Datasets.ENERGY_PRICES, 2, "DE-LU", "DE", "2026-01-04T01:00:00Z", "45", "90", "EUR",
                        "DAY_AHEAD"),
                bronze(Datasets.ENERGY_PRICES, 3, "KR", "KR", "2026-01-01T00:30:00+02:00", "15", "100000", "KRW",
                        "INTRADAY"),
                bronze(Datasets.ENERGY_PRICES, 4, "DE-LU", "DE", "2026-01-04T00:00:00Z", "60", "85", "EUR",
                        "SPOT"),
                bronze(Datasets.ENERGY_PRICES, 5, "DE-LU", "DE", "2026-01-04T00:00:00Z", "60.0", "85", "EUR",
                        "INTRADAY"),
                // Delivered 2026-03-31: day-ahead prices up to two days later are fine, not three.
                bronze(Datasets.ENERGY_PRICES, 6, "DE-LU", "DE", "2026-04-02T23:00:00Z", "60", "85", "EUR",
                        "DAY_AHEAD"),
                bronze(Datasets.ENERGY_PRICES, 7, "DE-LU", "DE", "2026-04-03T00:00:00Z", "60", "85", "EUR",
                        "DAY_AHEAD"),
                // Bytes that were not UTF-8, as the reader decodes them.
                bronze(Datasets.ENERGY_PRICES, 8, "DE\uFFFDLU", "DE", "2026-01-04T00:00:00Z", "60", "85", "EUR",
                        "DAY_AHEAD")));
        validate(Datasets.GPU_SHIPMENTS, List.of(
                gpu(1, "G1", "2025-12-15", "8", "1000000", "KRW", "SKT", "SITE-1"),
                gpu(2, "G2", "2026-02-10", "8", "1000000", "KRW", "SKT", null),
                gpu(3, "G3", "2025-12-15", "8", "30000", "USD", "MSFT", "SITE-2"),
                gpu(4, "G4", "2025-12-15", "0", "1", "USD", "MSFT", null),
                gpu(5, "G5", "2025-12-15", "-1", "1", "USD", "MSFT", null),
                gpu(6, "G6", "2025-12-15", "1", "1", "USD", "MSFT", "SITE-9"),
                gpu(7, "G7", "2025-11-30", "1", "1000", "KRW", "SKT", null),
                gpu(8, "G8", "2025-12-15", "1", "1", "USD", "ACME", null),
                gpu(9, "G9", "2020-01-01", "2", "10.5", "USD", "MSFT", null),
                gpu(10, "G10", "2026-04-01", "2", "10.5", "USD", "MSFT", null)));
    }

    // ---------------------------------------------------------------- reason codes

    @Test
    void everyReasonCodeIsProducedAtLeastOnce() {
        Set<ReasonCode> seen = EnumSet.noneOf(ReasonCode.class);
        for (Map<Long, Row> rows : RESULTS.values()) {
            for (Row row : rows.values()) {
                for (String reason : reasons(row)) {
                    seen.add(ReasonCode.valueOf(reason));
                }
            }
        }
        assertEquals(EnumSet.allOf(ReasonCode.class), seen);
    }

    @Test
    void capexReasons() {
        assertReasons("telco_capex", 3, "MALFORMED_ROW");
        assertReasons("telco_capex", 4, "MISSING_REQUIRED");
        assertReasons("telco_capex", 5, "BAD_DATE");
        assertReasons("telco_capex", 6, "BAD_DATE");
        assertReasons("telco_capex", 7, "BAD_TIMESTAMP");
        assertReasons("telco_capex", 8, "BAD_NUMBER");
        assertReasons("telco_capex", 9, "BAD_NUMBER");
        assertReasons("telco_capex", 10, "BAD_NUMBER");
        assertReasons("telco_capex", 11, "UNKNOWN_ENUM");
        assertReasons("telco_capex", 12, "BAD_COUNTRY");
        assertReasons("telco_capex", 13, "BAD_CURRENCY");
        assertReasons("telco_capex", 14, "NOT_MONTH_START");
        assertReasons("telco_capex", 15, "UNKNOWN_OPERATOR");
        assertReasons("telco_capex", 17, "NO_FX_RATE");
        assertReasons("telco_capex", 20, "MISSING_REQUIRED");
        assertReasons("telco_capex", 21, "DATE_OUT_OF_RANGE");
        assertReasons("telco_capex", 22, "DATE_OUT_OF_RANGE");
    }

    @Test
    void malformedRowCarriesItsDetail() {
        Row row = RESULTS.get("telco_capex").get(3L);
        assertEquals(List.of("MALFORMED_ROW: expected 8 fields, found 3"), row.getList(row.fieldIndex(
                Validation.REASON_DETAILS)));
    }

    @Test
    void blankAndQuotedEmptyValuesAreMissingAndEachColumnIsNamed() {
        Row row = RESULTS.get("telco_capex").get(4L);
        assertEquals(List.of("MISSING_REQUIRED"), reasons(row));
        assertEquals(List.of("operator_id: MISSING_REQUIRED", "asset_class: MISSING_REQUIRED"),
                row.getList(row.fieldIndex(Validation.REASON_DETAILS)));
    }

    @Test
    void rowWithTwoProblemsListsBoth() {
        Row row = RESULTS.get("telco_capex").get(16L);
        assertEquals(new TreeSet<>(List.of("BAD_COUNTRY", "UNKNOWN_ENUM")), new TreeSet<>(reasons(row)));
        assertEquals(new TreeSet<>(List.of("country_iso: BAD_COUNTRY", "asset_class: UNKNOWN_ENUM")),
                new TreeSet<>(row.<String>getList(row.fieldIndex(Validation.REASON_DETAILS))));
    }

    @Test
    void validRowsHaveEmptyReasons() {
        for (long n : new long[] {1, 2, 18, 19}) {
            assertReasons("telco_capex", n);
        }
        assertReasons("energy_prices", 1);
        assertReasons("energy_prices", 3);
        assertReasons("energy_prices", 6);
        for (long n : new long[] {1, 2, 3, 9}) {
            assertReasons("gpu_shipments", n);
        }
        Row valid = RESULTS.get("telco_capex").get(1L);
        assertEquals(List.of(), valid.getList(valid.fieldIndex(Validation.REASON_DETAILS)));
    }

    @Test
    void energyReasons() {
        assertReasons("energy_prices", 2, "BAD_INTERVAL");
        assertReasons("energy_prices", 4, "UNKNOWN_ENUM");
        assertReasons("energy_prices", 5, "BAD_NUMBER");
        assertReasons("energy_prices", 7, "DATE_OUT_OF_RANGE");
        assertReasons("energy_prices", 8, "BAD_ENCODING");
    }

    @Test
    void gpuReasons() {
        assertReasons("gpu_shipments", 4, "NON_POSITIVE_UNITS");
        assertReasons("gpu_shipments", 5, "NON_POSITIVE_UNITS");
        assertReasons("gpu_shipments", 6, "UNKNOWN_SITE");
        assertReasons("gpu_shipments", 7, "NO_FX_RATE");
        assertReasons("gpu_shipments", 8, "UNKNOWN_OPERATOR");
        assertReasons("gpu_shipments", 10, "DATE_OUT_OF_RANGE");
    }

    // ---------------------------------------------------------------- FX conversion

    @Test
    void capexAmountsInUsd() {
        // same-day rate of the first and of the second KRW rate
        assertUsd("telco_capex", 1, "amount_usd", "700.0000");
        assertUsd("telco_capex", 2, "amount_usd", "720.0000");
        // EUR's only rate is 2025-12-01: a later date uses it
        assertUsd("telco_capex", 18, "amount_usd", "105.0000");
        // USD converts at 1 even with no USD rate at all
        assertUsd("telco_capex", 19, "amount_usd", "250.5000");
        Row noRate = RESULTS.get("telco_capex").get(17L);
        assertNull(noRate.get(noRate.fieldIndex("amount_usd")));
    }

    @Test
    void energyFxUsesTheUtcDateOfTheInterval() {
        assertUsd("energy_prices", 1, "price_usd_mwh", "89.7750");
        // 2026-01-01T00:30+02:00 is 2025-12-31 in UTC: December's rate 0.00070, not January's 0.00072
        assertUsd("energy_prices", 3, "price_usd_mwh", "70.0000");
    }

    /** Silver rows of the valid shipments, exactly, against a DataFrame written by hand. */
    @Test
    void gpuSilverRowsExactly() {
        DatasetSpec spec = Datasets.GPU_SHIPMENTS;
        Dataset<Row> actual = asSilver(spec, SilverWriter.silverRows(spec, VALIDATED.get("gpu_shipments")));
        Dataset<Row> expected = spark.createDataFrame(List.of(
                silverGpu(1, "G1", "2025-12-15", 8, "1000000.0000", "KRW", "SKT", "KR", "SITE-1", "700.0000", 2025),
                silverGpu(2, "G2", "2026-02-10", 8, "1000000.0000", "KRW", "SKT", "KR", null, "720.0000", 2026),
                silverGpu(3, "G3", "2025-12-15", 8, "30000.0000", "USD", "MSFT", "US", "SITE-2", "30000.0000", 2025),
                silverGpu(9, "G9", "2020-01-01", 2, "10.5000", "USD", "MSFT", "US", null, "10.5000", 2020)),
                SilverSchema.of(spec));
        DataFrameAssertions.assertNoOrderEquals(expected, actual);
    }

    @Test
    void energySilverRowsApproximately() {
        DatasetSpec spec = Datasets.ENERGY_PRICES;
        Dataset<Row> actual = asSilver(spec, SilverWriter.silverRows(spec, VALIDATED.get("energy_prices")))
                .orderBy("zone", "interval_start");
        Dataset<Row> expected = spark.createDataFrame(List.of(
                RowFactory.create("DE-LU", "DE", Utc.timestamp("2026-01-04T00:00"), 60,
                        new BigDecimal("85.5000"), "EUR", "DAY_AHEAD", new BigDecimal("89.7750"), 2026,
                        source(spec), 1L, DELIVERY, 1L, RUN),
                RowFactory.create("DE-LU", "DE", Utc.timestamp("2026-04-02T23:00"), 60,
                        new BigDecimal("85.0000"), "EUR", "DAY_AHEAD", new BigDecimal("89.2500"), 2026,
                        source(spec), 6L, DELIVERY, 1L, RUN),
                RowFactory.create("KR", "KR", Utc.timestamp("2025-12-31T22:30"), 15,
                        new BigDecimal("100000.0000"), "KRW", "INTRADAY", new BigDecimal("70.0000"), 2025,
                        source(spec), 3L, DELIVERY, 1L, RUN)),
                SilverSchema.of(spec)).orderBy("zone", "interval_start");
        DataFrameAssertions.assertApproximateEquals(expected, actual, 0.00001);
    }

    // ---------------------------------------------------------------- helpers

    private static void assertReasons(String dataset, long rowNumber, String... expected) {
        Row row = RESULTS.get(dataset).get(rowNumber);
        assertNotNull(row, dataset + " row " + rowNumber);
        assertEquals(List.of(expected), reasons(row), dataset + " row " + rowNumber + " "
                + row.getList(row.fieldIndex(Validation.REASON_DETAILS)));
    }

    private static void assertUsd(String dataset, long rowNumber, String column, String expected) {
        Row row = RESULTS.get(dataset).get(rowNumber);
        BigDecimal actual = row.getDecimal(row.fieldIndex(column));
        assertNotNull(actual, dataset + " row " + rowNumber + " " + column);
        assertEquals(new BigDecimal(expected), actual, dataset + " row " + rowNumber + " " + column);
    }

    private static List<String> reasons(Row row) {
        return row.getList(row.fieldIndex(Validation.REASONS));
    }

    private static Dataset<Row> asSilver(DatasetSpec spec, Dataset<Row> rows) {
        // The silver table's own schema (nullability included), as the rows are written to it.
        return spark.createDataFrame(rows.javaRDD(), SilverSchema.of(spec));
    }

    private static void validate(DatasetSpec spec, List<Row> rows) {
        Dataset<Row> bronze = spark.createDataFrame(rows, BronzeSchema.of(spec));
        Dataset<Row> validated = Validation.validate(spec, bronze, new ReferenceData(warehouse)).cache();
        List<String> keep = new ArrayList<>(List.of(Lineage.ROW_NUMBER, Validation.REASONS,
                Validation.REASON_DETAILS));
        spec.usdConversions().forEach(u -> keep.add(u.targetColumn()));
        Map<Long, Row> byRow = new HashMap<>();
        for (Row row : validated.select(keep.stream().map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new))
                .collectAsList()) {
            assertNull(byRow.put(row.getLong(0), row), "validation duplicated row " + row.getLong(0));
        }
        assertEquals(rows.size(), byRow.size(), "validation must keep every bronze row exactly once");
        RESULTS.put(spec.name(), byRow);
        VALIDATED.put(spec.name(), validated);
    }

    private static String source(DatasetSpec spec) {
        return "file:/landing/" + spec.name() + "/2026-03-31/" + spec.name() + ".csv";
    }

    private static Row bronze(DatasetSpec spec, long rowNumber, String... values) {
        assertEquals(spec.columns().size(), values.length);
        return bronzeRow(spec, rowNumber, values, null, null);
    }

    private static Row malformed(DatasetSpec spec, long rowNumber, String raw, String detail) {
        return bronzeRow(spec, rowNumber, new String[spec.columns().size()], raw, detail);
    }

    private static Row bronzeRow(DatasetSpec spec, long rowNumber, String[] values, String raw, String detail) {
        List<Object> out = new ArrayList<>(Arrays.asList((Object[]) values));
        out.addAll(Arrays.asList(raw, detail, source(spec), rowNumber, DELIVERY, "sha-" + spec.name(), 1L, RUN,
                Utc.timestamp("2026-01-05T03:00")));
        return RowFactory.create(out.toArray());
    }

    private static Row gpu(long n, String id, String date, String units, String price, String currency,
                           String buyer, String site) {
        String country = "SKT".equals(buyer) ? "KR" : "US";
        return bronze(Datasets.GPU_SHIPMENTS, n, id, date, "NVIDIA", "H200", units, price, currency, buyer, country,
                site);
    }

    private static Row silverGpu(long n, String id, String date, int units, String price, String currency,
                                 String buyer, String country, String site, String usd, int year) {
        return RowFactory.create(id, Date.valueOf(date), "NVIDIA", "H200", units, new BigDecimal(price), currency,
                buyer, country, site, new BigDecimal(usd), year, source(Datasets.GPU_SHIPMENTS), n, DELIVERY, 1L,
                RUN);
    }

    private static Row ref(DatasetSpec spec, long n, Object... values) {
        List<Object> out = new ArrayList<>(Arrays.asList(values));
        out.addAll(Arrays.asList(source(spec), n, DELIVERY, 1L, RUN));
        return RowFactory.create(out.toArray());
    }

    private static void writeReference(DatasetSpec spec, List<Row> rows) {
        spark.createDataFrame(rows, SilverSchema.of(spec)).write().format("delta").mode("overwrite")
                .save(warehouse.location(SilverSchema.table(spec)));
    }

    @Test
    void referenceTablesAsWritten() {
        assertTrue(new ReferenceData(warehouse).keys("operators").containsAll(List.of("SKT", "MSFT", "DTAG")));
        assertEquals(Set.of("SITE-1", "SITE-2"), new ReferenceData(warehouse).keys("sites"));
    }
}
