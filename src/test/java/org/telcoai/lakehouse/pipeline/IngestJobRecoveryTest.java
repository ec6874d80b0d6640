package org.telcoai.lakehouse.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.telcoai.lakehouse.bronze.BronzeReader;
import org.telcoai.lakehouse.bronze.Lineage;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.datasets.DatasetSpec;
import org.telcoai.lakehouse.landing.FileInspection;
import org.telcoai.lakehouse.landing.LandingFile;
import org.telcoai.lakehouse.landing.LandingZone;
import org.telcoai.lakehouse.ops.IngestLog;
import org.telcoai.lakehouse.ops.IngestLog.Entry;
import org.telcoai.lakehouse.ops.IngestLog.Status;
import org.telcoai.lakehouse.testing.LandingFixture;
import org.telcoai.lakehouse.testing.SharedSpark;
import org.telcoai.lakehouse.warehouse.Warehouse;

/**
 * A run that died after its bronze append is finished by the next run without a duplicate row anywhere.
 * The crash is simulated with the job's own parts: STARTED log entries and the bronze batch, then nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestJobRecoveryTest {

    private static final String DAY1 = IngestJobTest.DAY1;
    private static final String DAY2 = IngestJobTest.DAY2;

    private static SparkSession spark;
    private static Warehouse warehouse;
    private static LandingFixture landing;

    @BeforeAll
    static void firstNight() {
        spark = SharedSpark.spark();
        SharedSpark.resetWarehouse();
        warehouse = SharedSpark.warehouse();
        landing = new LandingFixture(SharedSpark.newTempDir("landing-recovery-"));
        landing.defaultReferences(DAY1);
        landing.text("telco_capex", DAY1, "capex.csv", IngestJobTest.CAPEX_HEADER + """
                C1,SKT,KR,2025-12-01,RAN,1000000,KRW,2025-12-10T00:00:00Z
                C3,SKT,KR,2025-12-15,RAN,5,KRW,2025-12-10T00:00:00Z
                C4,SKT,KR,2026-01-01,CORE,1000000,KRW,2026-01-02T00:00:00Z
                """);
        landing.jsonLines("gpu_shipments", DAY1, "shipments.jsonl",
                "{\"shipment_id\":\"G1\",\"ship_date\":\"2025-12-15\",\"vendor\":\"NVIDIA\",\"product\":\"H200\","
                        + "\"units\":8,\"unit_price\":30000,\"currency\":\"USD\",\"buyer_id\":\"MSFT\","
                        + "\"destination_country_iso\":\"US\",\"site_id\":\"SITE-2\"}");
        job("run-1").run(LocalDate.parse(DAY1), Datasets.ALL);
    }

    private static IngestJob job(String runId) {
        return new IngestJob(warehouse, zone(), runId);
    }

    private static LandingZone zone() {
        return new LandingZone(landing.rootPath(), spark.sparkContext().hadoopConfiguration());
    }

    @Test
    @Order(1)
    void runThatDiedAfterItsBronzeAppendIsFinishedOnce() {
        DatasetSpec spec = Datasets.TELCO_CAPEX;
        landing.text("telco_capex", DAY2, "capex.csv", IngestJobTest.CAPEX_HEADER + """
                C1,SKT,KR,2025-12-01,RAN,2000000,KRW,2025-12-20T00:00:00Z
                C5,SKT,KR,2025-12-02,RAN,7,KRW,2025-12-20T00:00:00Z
                """);
        // The crashed run: log STARTED, append bronze with the batch's transaction id, then die.
        IngestLog log = new IngestLog(warehouse);
        long batch = log.entries(spec.name()).stream().mapToLong(Entry::batch).max().orElse(0) + 1;
        List<LandingFile> files = zone().files(spec, LocalDate.parse(DAY2));
        BronzeReader reader = new BronzeReader(spark);
        List<FileInspection> inspections = reader.inspect(spec, files);
        Instant now = Instant.now();
        List<Entry> started = new ArrayList<>();
        for (FileInspection i : inspections) {
            LandingFile f = i.file();
            started.add(new Entry(f.dataset(), f.deliveryDate(), f.path(), f.fileName(), f.format().name(),
                    i.bytes(), Instant.ofEpochMilli(f.modifiedMillis()), i.sha256(), batch, "run-crashed",
                    Status.STARTED, null, null, null, null, now, null));
        }
        log.upsert(started);
        warehouse.appendIdempotent("bronze.telco_capex", reader.read(spec, inspections, batch, "run-crashed", now),
                "ingest bronze.telco_capex", batch);

        job("run-2").run(LocalDate.parse(DAY2), Datasets.ALL);

        Dataset<Row> bronze = warehouse.read("bronze.telco_capex");
        assertEquals(5, bronze.count(), "3 rows of day 1 and 2 of day 2, once each");
        assertNoDuplicateLineage(bronze, "bronze");
        assertEquals(2, bronze.where(col(Lineage.INGEST_BATCH).equalTo(batch)).count());
        Dataset<Row> quarantine = warehouse.read("quarantine.telco_capex");
        assertEquals(2, quarantine.count(), "C3 and C5 (not month starts), once each");
        assertNoDuplicateLineage(quarantine, "quarantine");
        Map<String, Row> silver = IngestJobTest.byKey(warehouse.read("silver.telco_capex"), "record_id");
        assertEquals(List.of("C1", "C4"), silver.keySet().stream().sorted().toList());
        assertEquals(new BigDecimal("2000000.0000"), silver.get("C1").getAs("amount"));
        assertEquals(new BigDecimal("1400.0000"), silver.get("C1").getAs("amount_usd"));
        // Fed with what bronze held for the batch (the crashed run's rows), not with a parse of its own.
        assertEquals("run-crashed", silver.get("C1").getAs(Lineage.INGEST_RUN_ID));
        for (Entry entry : log.entries(spec.name())) {
            assertEquals(Status.INGESTED, entry.status(), entry.toString());
            if (entry.batch() == batch) {
                assertEquals(2L, entry.rowsRead());
                assertEquals(1L, entry.rowsAccepted());
                assertEquals(1L, entry.rowsQuarantined());
            }
        }
        assertEquals(2, log.entries(spec.name()).size(), "one log row per file and content");
    }

    @Test
    @Order(2)
    void everyBatchLeftStartedIsRedoneWithoutChangingData() {
        Map<String, String> before = contents();
        IngestLog log = new IngestLog(warehouse);
        int flipped = 0;
        for (DatasetSpec spec : Datasets.ALL) {
            List<Entry> restarted = new ArrayList<>();
            for (Entry entry : log.entries(spec.name())) {
                if (entry.status() == Status.INGESTED) {
                    restarted.add(entry.finish(Status.STARTED, null, null, null, null, null));
                }
            }
            log.upsert(restarted);
            flipped += restarted.size();
        }
        assertTrue(flipped >= 6, "every dataset had an ingested file: " + flipped);

        job("run-3").run(LocalDate.parse(DAY2), Datasets.ALL);

        assertEquals(before, contents());
        for (DatasetSpec spec : Datasets.ALL) {
            for (Entry entry : log.entries(spec.name())) {
                assertFalse(entry.status() == Status.STARTED, entry.toString());
                assertEquals(entry.rowsRead(), entry.rowsAccepted() + entry.rowsQuarantined(), entry.toString());
            }
        }
    }

    private static void assertNoDuplicateLineage(Dataset<Row> rows, String what) {
        assertEquals(0, rows.groupBy(Lineage.SOURCE_FILE, Lineage.ROW_NUMBER).count().where(col("count").gt(1))
                .count(), what + " holds a record twice");
    }

    /** Sorted rows of every data table (not the log, whose run ids and times legitimately change). */
    private static Map<String, String> contents() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String table : IngestJobTest.allTables()) {
            if (table.equals(IngestLog.TABLE)) {
                continue;
            }
            out.put(table, warehouse.read(table).collectAsList().stream().map(Row::toString).sorted().toList()
                    .toString());
        }
        return out;
    }
}
