package org.telcoai.lakehouse.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.telcoai.lakehouse.bronze.Lineage;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.datasets.DatasetSpec;
import org.telcoai.lakehouse.landing.LandingZone;
import org.telcoai.lakehouse.ops.IngestLog;
import org.telcoai.lakehouse.quarantine.QuarantineSchema;
import org.telcoai.lakehouse.silver.SilverSchema;
import org.telcoai.lakehouse.silver.Validation;
import org.telcoai.lakehouse.testing.DataFrameAssertions;
import org.telcoai.lakehouse.testing.LandingFixture;
import org.telcoai.lakehouse.testing.SharedSpark;
import org.telcoai.lakehouse.testing.Utc;
import org.telcoai.lakehouse.warehouse.Layer;
import org.telcoai.lakehouse.warehouse.Warehouse;

/**
 * The whole job over three nightly runs (2026-01-05, -06, -07) of one small landing zone, built once for the
 * class: restatements, offsets, every file format, a rejected file, a reference re-delivery. Tests only read
 * the result, except the re-run test, which must leave everything as it was.
 */
class IngestJobTest {

    static final String DAY1 = "2026-01-05";
    static final String DAY2 = "2026-01-06";
    static final String DAY3 = "2026-01-07";
    static final String CAPEX_HEADER = "record_id,operator_id,country_iso,period_date,asset_class,amount,currency,"
            + "updated_at\n";
    static final String ENERGY_HEADER = "zone,country_iso,interval_start,interval_minutes,price,currency,market\n";

    private static SparkSession spark;
    private static Warehouse warehouse;
    private static LandingFixture landing;

    @BeforeAll
    static void ingestThreeNights() {
        spark = SharedSpark.spark();
        SharedSpark.resetWarehouse();
        warehouse = SharedSpark.warehouse();
        landing = new LandingFixture(SharedSpark.newTempDir("landing-ingest-"));
        landing.defaultReferences(DAY1);
        landing.text("operators", DAY2, "operators.csv", """
                operator_id,name,operator_type,home_country_iso,parent_group
                SKT,SK Telecom Co,TELCO,KR,SK Group
                DTAG,Deutsche Telekom,TELCO,DE,
                KDDI,KDDI,TELCO,JP,
                """);
        landing.text("telco_capex", DAY1, "capex.csv", CAPEX_HEADER + """
                C1,SKT,KR,2025-12-01,RAN,1000000,KRW,2025-12-10T00:00:00Z
                C2,DTAG,DE,2025-12-01,FIBER,200.5,EUR,2025-12-10T00:00:00Z
                C3,SKT,KR,2025-12-15,RAN,5,KRW,2025-12-10T00:00:00Z
                C4,SKT,KR,2026-01-01,CORE,1000000,KRW,2026-01-02T00:00:00Z
                """);
        // restatement: later updated_at, new amount
        landing.text("telco_capex", DAY2, "capex.csv", CAPEX_HEADER + """
                C1,SKT,KR,2025-12-01,RAN,2000000,KRW,2025-12-20T00:00:00Z
                """);
        // an older version delivered late, and a newer but invalid version
        landing.text("telco_capex", DAY3, "capex.csv", CAPEX_HEADER + """
                C1,SKT,KR,2025-12-01,RAN,3000000,KRW,2025-12-15T00:00:00Z
                C2,DTAG,DE,2025-12-01,FIBER,abc,EUR,2025-12-30T00:00:00Z
                """);
        landing.gzip("energy_prices", DAY1, "prices.csv.gz", ENERGY_HEADER + """
                DE-LU,DE,2026-01-04T00:00:00Z,60,85.50,EUR,DAY_AHEAD
                DE-LU,DE,2026-01-04T01:00:00Z,45,90,EUR,DAY_AHEAD
                KR,KR,2026-01-04T00:00:00Z,60,100000,KRW,DAY_AHEAD
                """);
        landing.truncatedGzip("energy_prices", DAY1, "broken.csv.gz", ENERGY_HEADER
                + "DE-LU,DE,2026-01-04T05:00:00Z,60,70,EUR,DAY_AHEAD\n".repeat(50));
        landing.jsonLines("energy_prices", DAY2, "prices.jsonl",
                "{\"zone\":\"DE-LU\",\"country_iso\":\"DE\",\"interval_start\":\"2026-01-04T02:00:00+02:00\","
                        + "\"interval_minutes\":60,\"price\":86.25,\"currency\":\"EUR\",\"market\":\"DAY_AHEAD\"}",
                "{\"zone\":\"DE-LU\",\"country_iso\":\"DE\",\"interval_start\":\"2026-01-04T01:00:00Z\","
                        + "\"interval_minutes\":60,\"price\":-5.5,\"currency\":\"EUR\",\"market\":\"DAY_AHEAD\"}");
        landing.jsonLines("gpu_shipments", DAY1, "shipments.jsonl",
                "{\"shipment_id\":\"G1\",\"ship_date\":\"2025-12-15\",\"vendor\":\"NVIDIA\",\"product\":\"H200\","
                        + "\"units\":8,\"unit_price\":30000,\"currency\":\"USD\",\"buyer_id\":\"MSFT\","
                        + "\"destination_country_iso\":\"US\",\"site_id\":\"SITE-2\"}",
                "{\"shipment_id\":\"G2\",\"ship_date\":\"2025-12-15\",\"vendor\":\"NVIDIA\",\"product\":\"H200\","
                        + "\"units\":0,\"unit_price\":30000,\"currency\":\"USD\",\"buyer_id\":\"MSFT\","
                        + "\"destination_country_iso\":\"US\"}",
                "{\"shipment_id\":\"G9\", this is not json");
        landing.jsonLines("gpu_shipments", DAY1, "more.jsonl.gz",
                "{\"shipment_id\":\"G3\",\"ship_date\":\"2025-12-20\",\"vendor\":\"AMD\",\"product\":\"MI300X\","
                        + "\"units\":4,\"unit_price\":2000000,\"currency\":\"KRW\",\"buyer_id\":\"SKT\","
                        + "\"destination_country_iso\":\"KR\",\"site_id\":\"SITE-9\"}",
                "{\"shipment_id\":\"G4\",\"ship_date\":\"2025-12-20\",\"vendor\":\"AMD\",\"product\":\"MI300X\","
                        + "\"units\":4,\"unit_price\":2000000,\"currency\":\"KRW\",\"buyer_id\":\"SKT\","
                        + "\"destination_country_iso\":\"KR\"}");
        run("run-day1", DAY1);
        run("run-day2", DAY2);
        run("run-day3", DAY3);
    }

    static List<DatasetResult> run(String runId, String runDate) {
        LandingZone zone = new LandingZone(landing.rootPath(), spark.sparkContext().hadoopConfiguration());
        return new IngestJob(warehouse, zone, runId).run(LocalDate.parse(runDate), Datasets.ALL);
    }

    // ---------------------------------------------------------------- restatements and versions

    @Test
    void capexRestatementsKeepTheNewestValidVersion() {
        Map<String, Row> silver = byKey(warehouse.read("silver.telco_capex"), "record_id");
        assertEquals(Set.of("C1", "C2", "C4"), silver.keySet());
        Row c1 = silver.get("C1");
        // day 2's later updated_at won; day 3's older updated_at did not replace it
        assertEquals(new BigDecimal("2000000.0000"), c1.getAs("amount"));
        assertEquals(new BigDecimal("1400.0000"), c1.getAs("amount_usd"));
        assertEquals(Utc.timestamp("2025-12-20T00:00"), c1.getAs("updated_at"));
        assertTrue(c1.<String>getAs(Lineage.SOURCE_FILE).endsWith("/" + DAY2 + "/capex.csv"));
        assertEquals("run-day2", c1.getAs(Lineage.INGEST_RUN_ID));
        // day 3's newer but invalid C2 is quarantined; the valid one stays
        Row c2 = silver.get("C2");
        assertEquals(new BigDecimal("200.5000"), c2.getAs("amount"));
        assertEquals(new BigDecimal("210.5250"), c2.getAs("amount_usd"));
        assertTrue(c2.<String>getAs(Lineage.SOURCE_FILE).endsWith("/" + DAY1 + "/capex.csv"));
        assertEquals(new BigDecimal("720.0000"), silver.get("C4").getAs("amount_usd"));
        assertEquals(2025, (int) c1.getAs("period_year"));
        assertEquals(2026, (int) silver.get("C4").getAs("period_year"));
    }

    @Test
    void energyOffsetsAreOneInstantAndTheLaterDeliveryWins() {
        Dataset<Row> silver = warehouse.read("silver.energy_prices");
        assertEquals(3, silver.count());
        List<Row> midnight = silver.where(col("zone").equalTo("DE-LU")
                .and(col("interval_start").equalTo(Utc.timestamp("2026-01-04T00:00")))).collectAsList();
        assertEquals(1, midnight.size(), "Z and +02:00 spellings of one instant are one key");
        Row row = midnight.get(0);
        assertEquals(new BigDecimal("86.2500"), row.getAs("price"));
        assertEquals(new BigDecimal("90.5625"), row.getAs("price_usd_mwh"));
        assertTrue(row.<String>getAs(Lineage.SOURCE_FILE).endsWith("/" + DAY2 + "/prices.jsonl"));
        Map<String, Row> byZoneHour = new HashMap<>();
        for (Row r : silver.collectAsList()) {
            byZoneHour.put(r.getAs("zone") + " " + r.<Timestamp>getAs("interval_start").toInstant(), r);
        }
        assertEquals(new BigDecimal("-5.7750"),
                byZoneHour.get("DE-LU 2026-01-04T01:00:00Z").getAs("price_usd_mwh"));
        assertEquals(new BigDecimal("72.0000"), byZoneHour.get("KR 2026-01-04T00:00:00Z").getAs("price_usd_mwh"));
    }

    @Test
    void gzipCsvAndJsonLinesIngest() {
        Map<String, Row> log = logByFile();
        assertEquals("INGESTED", log.get(DAY1 + "/prices.csv.gz").getAs("status"));
        assertEquals(3L, (long) log.get(DAY1 + "/prices.csv.gz").getAs("rows_read"));
        assertEquals("INGESTED", log.get(DAY2 + "/prices.jsonl").getAs("status"));
        assertEquals(2L, (long) log.get(DAY2 + "/prices.jsonl").getAs("rows_read"));
        assertEquals("INGESTED", log.get(DAY1 + "/shipments.jsonl").getAs("status"));
        assertEquals(3L, (long) log.get(DAY1 + "/shipments.jsonl").getAs("rows_read"));
        assertEquals("INGESTED", log.get(DAY1 + "/more.jsonl.gz").getAs("status"));
        assertEquals(2L, (long) log.get(DAY1 + "/more.jsonl.gz").getAs("rows_read"));
        Map<String, Row> gpu = byKey(warehouse.read("silver.gpu_shipments"), "shipment_id");
        assertEquals(Set.of("G1", "G4"), gpu.keySet());
        assertEquals(new BigDecimal("30000.0000"), gpu.get("G1").getAs("unit_price_usd"));
        assertEquals(new BigDecimal("1400.0000"), gpu.get("G4").getAs("unit_price_usd"));
        assertNull(gpu.get("G4").getAs("site_id"));
    }

    // ---------------------------------------------------------------- accounting and lineage

    @Test
    void everyLoggedRowIsAccountedFor() {
        Dataset<Row> log = warehouse.read(IngestLog.TABLE);
        for (DatasetSpec spec : Datasets.ALL) {
            Dataset<Row> bronze = warehouse.read(Layer.BRONZE.table(spec.name()));
            Dataset<Row> quarantine = warehouse.read(QuarantineSchema.table(spec));
            Map<String, Long> bronzePerFileBatch = counts(bronze);
            Map<String, Long> quarantinePerFileBatch = counts(quarantine);
            long read = 0;
            for (Row entry : log.where(col("dataset").equalTo(spec.name()).and(col("status").equalTo("INGESTED")))
                    .collectAsList()) {
                long rowsRead = entry.getAs("rows_read");
                long accepted = entry.getAs("rows_accepted");
                long quarantined = entry.getAs("rows_quarantined");
                String fileBatch = entry.getAs("file_path") + "#" + entry.getAs("batch");
                assertEquals(rowsRead, accepted + quarantined, fileBatch);
                assertEquals(rowsRead, bronzePerFileBatch.getOrDefault(fileBatch, 0L), "bronze rows of " + fileBatch);
                assertEquals(quarantined, quarantinePerFileBatch.getOrDefault(fileBatch, 0L),
                        "quarantine rows of " + fileBatch);
                read += rowsRead;
            }
            assertEquals(bronze.count(), read, spec.name() + ": bronze rows = sum of rows_read");
        }
    }

    @Test
    void everyBronzeRowIsInSilverQuarantineOrSuperseded() {
        Map<String, long[]> expected = Map.of(
                // silver, quarantine, superseded
                "telco_capex", new long[] {3, 2, 2},
                "energy_prices", new long[] {3, 1, 1},
                "gpu_shipments", new long[] {2, 3, 0},
                "operators", new long[] {3, 0, 0},
                "fx_rates", new long[] {3, 0, 0},
                "sites", new long[] {2, 0, 0},
                // no delivery: the built-in table from the jar
                "accelerators", new long[] {builtinRows("accelerators"), 0, 0});
        for (DatasetSpec spec : Datasets.ALL) {
            Dataset<Row> bronze = warehouse.read(Layer.BRONZE.table(spec.name()));
            if (spec.isReference()) {
                // a reference delivery replaces the whole table: only the latest batch can be in it
                long latest = bronze.agg(org.apache.spark.sql.functions.max(Lineage.INGEST_BATCH)).head().getLong(0);
                bronze = bronze.where(col(Lineage.INGEST_BATCH).equalTo(latest));
            }
            Dataset<Row> silver = warehouse.read(SilverSchema.table(spec));
            Dataset<Row> quarantine = warehouse.read(QuarantineSchema.table(spec));
            List<String> lineage = List.of(Lineage.SOURCE_FILE, Lineage.ROW_NUMBER);
            List<String> quarantineLineage = List.of(Lineage.SOURCE_FILE, Lineage.ROW_NUMBER, Lineage.INGEST_BATCH);
            Dataset<Row> inSilver = bronze.join(silver.select(cols(lineage)), seq(lineage), "left_semi");
            Dataset<Row> notInSilver = bronze.join(silver.select(cols(lineage)), seq(lineage), "left_anti");
            Dataset<Row> inQuarantine = notInSilver.join(quarantine.select(cols(quarantineLineage)),
                    seq(quarantineLineage), "left_anti");
            // typed keys, so that 00:00Z and 02:00+02:00 are the same key
            Column[] typedKeys = spec.keyColumns().stream()
                    .map(k -> col(k).cast(SilverSchema.sparkType(spec.column(k))).as(k)).toArray(Column[]::new);
            Dataset<Row> orphans = inQuarantine.select(typedKeys)
                    .join(silver.select(cols(spec.keyColumns())), seq(spec.keyColumns()), "left_anti");
            assertEquals(0, orphans.count(), spec.name() + ": bronze rows in neither silver nor quarantine nor "
                    + "superseded: " + orphans.collectAsList());
            long[] counts = expected.get(spec.name());
            assertEquals(counts[0], inSilver.count(), spec.name() + " in silver");
            assertEquals(counts[0], silver.count(), spec.name() + " silver rows");
            assertEquals(counts[1], quarantine.count(), spec.name() + " quarantined");
            assertEquals(counts[2], inQuarantine.count(), spec.name() + " superseded");
        }
    }

    @Test
    void quarantineRowsCarryLineageAndReasons() {
        Set<String> expected = new TreeSet<>(List.of(
                "telco_capex " + DAY1 + "/capex.csv 3 run-day1 [NOT_MONTH_START]",
                "telco_capex " + DAY3 + "/capex.csv 2 run-day3 [BAD_NUMBER]",
                "energy_prices " + DAY1 + "/prices.csv.gz 2 run-day1 [BAD_INTERVAL]",
                "gpu_shipments " + DAY1 + "/shipments.jsonl 2 run-day1 [NON_POSITIVE_UNITS]",
                "gpu_shipments " + DAY1 + "/shipments.jsonl 3 run-day1 [MALFORMED_ROW]",
                "gpu_shipments " + DAY1 + "/more.jsonl.gz 1 run-day1 [UNKNOWN_SITE]"));
        Set<String> actual = new TreeSet<>();
        for (DatasetSpec spec : Datasets.ALL) {
            for (Row row : warehouse.read(QuarantineSchema.table(spec)).collectAsList()) {
                String file = row.getAs(Lineage.SOURCE_FILE);
                assertTrue(file.startsWith("file:" + landing.root()), file);
                actual.add(spec.name() + " " + lastTwo(file) + " " + row.getAs(Lineage.ROW_NUMBER) + " "
                        + row.getAs(Lineage.INGEST_RUN_ID) + " " + row.getList(row.fieldIndex(Validation.REASONS)));
            }
        }
        assertEquals(expected, actual);
        Row malformed = warehouse.read("quarantine.gpu_shipments").where(col(Lineage.ROW_NUMBER).equalTo(3))
                .head();
        assertEquals("{\"shipment_id\":\"G9\", this is not json", malformed.getAs(Lineage.RAW_RECORD));
    }

    // ---------------------------------------------------------------- files, idempotency, references, catalog

    @Test
    void truncatedGzipIsRejectedAndTheRestOfItsDeliveryIngested() {
        Map<String, Row> log = logByFile();
        Row broken = log.get(DAY1 + "/broken.csv.gz");
        assertEquals("REJECTED", broken.getAs("status"));
        assertTrue(broken.<String>getAs("message").startsWith("UNREADABLE"), broken.<String>getAs("message"));
        assertEquals(0L, (long) broken.getAs("rows_read"));
        assertEquals("INGESTED", log.get(DAY1 + "/prices.csv.gz").getAs("status"));
        assertEquals(0, warehouse.read("bronze.energy_prices")
                .where(col(Lineage.SOURCE_FILE).endsWith("broken.csv.gz")).count());
    }

    @Test
    void rerunChangesNoTable() {
        Map<String, String> before = snapshot();
        List<DatasetResult> results = run("run-again", DAY3);
        assertEquals(before, snapshot());
        for (DatasetResult result : results) {
            assertEquals(0, result.filesIngested(), result.toString());
            assertEquals(0, result.rowsRead(), result.toString());
        }
    }

    @Test
    void eachNightCommitsTheLogTwiceAndQuarantineOnlyWhenARowIsRejected() {
        // Created (version 0), then per night one commit of every STARTED entry and one of every INGESTED one; a
        // re-run with nothing new commits nothing.
        assertEquals(6, warehouse.version(IngestLog.TABLE));
        // telco_capex had a batch each night; day 2's single restatement was valid, so that night added no version.
        assertEquals(2, warehouse.version("quarantine.telco_capex"));
        assertEquals(2, warehouse.read("quarantine.telco_capex").count(), "C3 (day 1) and C2 (day 3)");
    }

    @Test
    void appendIdempotentWritesOncePerAppIdAndVersion() {
        String table = "gold.append_probe";
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("n", DataTypes.IntegerType, false)));
        Dataset<Row> rows = spark.createDataFrame(List.of(RowFactory.create(1), RowFactory.create(2)), schema);
        assertTrue(warehouse.appendIdempotent(table, rows, "probe", 7), "this call wrote the rows");
        long version = warehouse.version(table);
        assertEquals(2, warehouse.read(table).count());
        assertFalse(warehouse.appendIdempotent(table, rows, "probe", 7), "already written");
        assertEquals(version, warehouse.version(table));
        assertEquals(2, warehouse.read(table).count());
        assertFalse(warehouse.appendIdempotent(table, rows, "probe", 6));
        assertEquals(2, warehouse.read(table).count(), "an older version is skipped too");
        assertTrue(warehouse.appendIdempotent(table, rows, "probe", 8));
        assertEquals(version + 1, warehouse.version(table));
        assertEquals(4, warehouse.read(table).count());
    }

    @Test
    void laterReferenceDeliveryReplacesTheTable() {
        Map<String, Row> operators = byKey(warehouse.read("reference.operators"), "operator_id");
        assertEquals(Set.of("SKT", "DTAG", "KDDI"), operators.keySet());
        assertEquals("SK Telecom Co", operators.get("SKT").getAs("name"));
        for (Row row : operators.values()) {
            assertTrue(row.<String>getAs(Lineage.SOURCE_FILE).endsWith("/" + DAY2 + "/operators.csv"));
        }
        assertEquals(3, warehouse.read("reference.fx_rates").count());
    }

    @Test
    void tablesAreRegisteredInTheCatalog() {
        Dataset<Row> byName = spark.table("silver.energy_prices");
        Dataset<Row> byPath = spark.read().format("delta").load(SharedSpark.warehouseRoot()
                + "/silver.db/energy_prices");
        assertEquals(3, byName.count());
        DataFrameAssertions.assertNoOrderEquals(byPath, byName);
        for (DatasetSpec spec : Datasets.ALL) {
            assertTrue(warehouse.exists(SilverSchema.table(spec)), SilverSchema.table(spec));
            assertTrue(warehouse.exists(Layer.BRONZE.table(spec.name())));
            assertTrue(warehouse.exists(QuarantineSchema.table(spec)));
        }
        assertTrue(warehouse.exists(IngestLog.TABLE));
    }

    // ---------------------------------------------------------------- helpers

    static List<String> allTables() {
        List<String> tables = new ArrayList<>();
        for (DatasetSpec spec : Datasets.ALL) {
            tables.add(Layer.BRONZE.table(spec.name()));
            tables.add(QuarantineSchema.table(spec));
            tables.add(SilverSchema.table(spec));
        }
        tables.add(IngestLog.TABLE);
        return tables;
    }

    /** Delta version and sorted content of every table the job writes. */
    static Map<String, String> snapshot() {
        Map<String, String> state = new LinkedHashMap<>();
        for (String table : allTables()) {
            List<String> rows = warehouse.read(table).collectAsList().stream().map(Row::toString).sorted().toList();
            state.put(table, "version " + warehouse.version(table) + ": " + rows);
        }
        return state;
    }

    static Map<String, Row> byKey(Dataset<Row> rows, String key) {
        Map<String, Row> out = new HashMap<>();
        for (Row row : rows.collectAsList()) {
            assertNull(out.put(row.getAs(key), row), "duplicate key " + row.getAs(key));
        }
        return out;
    }

    /** ops.ingest_log by "delivery/file name" (each appears once in this landing zone). */
    static Map<String, Row> logByFile() {
        Map<String, Row> out = new HashMap<>();
        for (Row row : warehouse.read(IngestLog.TABLE).collectAsList()) {
            String key = row.getAs("delivery_date") + "/" + row.getAs("file_name");
            if (row.getAs("dataset").equals("operators") || row.getAs("dataset").equals("fx_rates")
                    || row.getAs("dataset").equals("sites")) {
                key = row.getAs("dataset") + ":" + key;
            }
            assertNull(out.put(key, row), "logged twice: " + key);
        }
        return out;
    }

    private static Map<String, Long> counts(Dataset<Row> rows) {
        return rows.groupBy(Lineage.SOURCE_FILE, Lineage.INGEST_BATCH).count().collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getString(0) + "#" + r.getLong(1), r -> r.getLong(2)));
    }

    static String lastTwo(String path) {
        String[] parts = path.split("/");
        return parts[parts.length - 2] + "/" + parts[parts.length - 1];
    }

    static Column[] cols(List<String> names) {
        return names.stream().map(n -> col(n)).toArray(Column[]::new);
    }

    static scala.collection.Seq<String> seq(List<String> names) {
        return scala.collection.JavaConverters.asScalaBuffer(names).toSeq();
    }

    /** Data rows of a built-in reference file (conf/reference, packaged under reference/). */
    private static long builtinRows(String dataset) {
        try (var in = IngestJobTest.class.getResourceAsStream("/reference/" + dataset + ".csv")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().count() - 1;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
