package org.telcoai.lakehouse.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.telcoai.lakehouse.config.LakehouseConfig;
import org.telcoai.lakehouse.bronze.Lineage;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.datasets.DatasetSpec;
import org.telcoai.lakehouse.demo.DemoDataGenerator;
import org.telcoai.lakehouse.demo.DemoOptions;
import org.telcoai.lakehouse.demo.DemoSummary;
import org.telcoai.lakehouse.landing.LandingZone;
import org.telcoai.lakehouse.ops.IngestLog;
import org.telcoai.lakehouse.quarantine.QuarantineSchema;
import org.telcoai.lakehouse.silver.SilverSchema;
import org.telcoai.lakehouse.silver.SilverVersions;
import org.telcoai.lakehouse.testing.SharedSpark;
import org.telcoai.lakehouse.warehouse.Layer;
import org.telcoai.lakehouse.warehouse.Warehouse;

/**
 * The generator and the pipeline written independently must agree: every generated row is read, the rows the
 * generator made defective are exactly the quarantined ones, and the built-in reference data (operators, FX,
 * sites from the jar) covers every valid row.
 */
class DemoDataIngestTest {

    private static final LocalDate END = LocalDate.parse("2026-06-30");
    private static SparkSession spark;
    private static Warehouse warehouse;
    private static DemoSummary generated;
    private static List<DatasetResult> results;

    @BeforeAll
    static void generateAndIngest() throws Exception {
        spark = SharedSpark.spark();
        SharedSpark.resetWarehouse();
        warehouse = SharedSpark.warehouse();
        Path landing = SharedSpark.newTempDir("landing-demo-");
        generated = new DemoDataGenerator(new DemoOptions(landing, 0.001, 1, 7L, 0.05, END, 2)).generate();
        results = new IngestJob(warehouse, new LandingZone(landing.toString(),
                spark.sparkContext().hadoopConfiguration()), "run-demo-test").run(END, Datasets.ALL);
    }

    private static DatasetResult result(String dataset) {
        return results.stream().filter(r -> r.dataset().equals(dataset)).findFirst().orElseThrow();
    }

    @Test
    void everyGeneratedRowIsReadAndDefectsAreExactlyTheQuarantinedRows() {
        for (DatasetSpec spec : Datasets.facts()) {
            DatasetResult r = result(spec.name());
            assertEquals(generated.rowsPerDataset().get(spec.name()), r.rowsRead(), spec.name() + " rows read");
            assertEquals(generated.badRowsPerDataset().get(spec.name()), r.rowsQuarantined(),
                    spec.name() + " quarantined");
            assertEquals(r.rowsRead(), r.rowsAccepted() + r.rowsQuarantined());
            assertEquals(0, r.filesRejected());
            assertTrue(r.rowsQuarantined() > 0, spec.name() + " should have some defects at 5%");
        }
    }

    @Test
    void builtInReferenceDataIsLoadedFromTheJar() throws IOException {
        Map<String, String> files = new HashMap<>();
        for (Row log : warehouse.read(IngestLog.TABLE).select("dataset", "file_path").collectAsList()) {
            files.put(log.getString(0), log.getString(1));
        }
        assertEquals(LandingZone.BUILTIN_PREFIX + "reference/operators.csv", files.get("operators"));
        for (DatasetSpec spec : Datasets.references()) {
            DatasetResult r = result(spec.name());
            assertEquals(1, r.filesIngested(), spec.name());
            assertEquals(0, r.rowsQuarantined(), spec.name() + " defaults must all be valid");
            // One silver row per data line of the file in the jar (no key repeats in the built-in tables).
            String resource = files.get(spec.name()).substring(LandingZone.BUILTIN_PREFIX.length());
            assertEquals(dataLines(resource), r.silverRows(), spec.name());
        }
    }

    private static long dataLines(String resource) throws IOException {
        try (InputStream in = DemoDataIngestTest.class.getClassLoader().getResourceAsStream(resource);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return lines.lines().skip(1).filter(line -> !line.isBlank()).count();
        }
    }

    @Test
    void ingestLogBronzeQuarantineAndSilverAccountForEveryRow() {
        for (DatasetSpec spec : Datasets.facts()) {
            Dataset<Row> log = warehouse.read(IngestLog.TABLE).where(col("dataset").equalTo(spec.name()));
            assertEquals(0, log.where(col("status").notEqual("INGESTED")).count());
            Row sums = log.agg(sum("rows_read"), sum("rows_quarantined")).head();
            long bronze = warehouse.read(Layer.BRONZE.table(spec.name())).count();
            long quarantine = warehouse.read(QuarantineSchema.table(spec)).count();
            assertEquals(bronze, sums.getLong(0), spec.name());
            assertEquals(quarantine, sums.getLong(1), spec.name());
            // Silver holds one row per key the generator wrote valid; the rest of the accepted rows are superseded.
            Dataset<Row> silver = warehouse.read(SilverSchema.table(spec));
            long silverRows = silver.count();
            long keys = silver.select(spec.keyColumns().stream().map(k -> col(k)).toArray(
                    org.apache.spark.sql.Column[]::new)).distinct().count();
            assertEquals(silverRows, keys, spec.name() + " keys are unique in silver");
            long validKeys = generated.keysPerDataset().get(spec.name());
            assertEquals(validKeys, silverRows, spec.name() + " silver rows");
            long accepted = generated.rowsPerDataset().get(spec.name()) - generated.badRowsPerDataset().get(spec.name());
            assertEquals(accepted - validKeys, bronze - quarantine - silverRows, spec.name() + " superseded rows");
            // Every silver row points at its bronze record.
            Dataset<Row> bronzeRows = warehouse.read(Layer.BRONZE.table(spec.name()));
            assertEquals(silverRows, silver.join(bronzeRows, scala.collection.JavaConverters.asScalaBuffer(
                    List.of(Lineage.SOURCE_FILE, Lineage.ROW_NUMBER)).toSeq(), "left_semi").count());
        }
    }

    /** Even at 5% defects (25 times the demo default) every dataset is under the default 10% gate. */
    @Test
    void theDemoDataPassesTheDefaultQualityGates() {
        QualityGates gates = LakehouseConfig.load(new java.io.File("conf/application.conf")).qualityGates();
        assertEquals(List.of(), gates.evaluate(END, results, java.util.Map.of()));
    }

    @Test
    void restatementsInDailyDeliveriesReplaceTheHistoryVersion() {
        for (DatasetSpec spec : Datasets.facts()) {
            Dataset<Row> firstAccepted = warehouse.read(SilverVersions.table(spec)).groupBy(
                            spec.keyColumns().stream().map(k -> col(k)).toArray(org.apache.spark.sql.Column[]::new))
                    .agg(min(SilverVersions.ARRIVED_IN).as("first_delivery"));
            long restated = warehouse.read(SilverSchema.table(spec))
                    .join(firstAccepted, scala.collection.JavaConverters.asScalaBuffer(spec.keyColumns()).toSeq())
                    .where(col(Lineage.DELIVERY_DATE).gt(col("first_delivery"))).count();
            long expected = generated.keysResentLater().get(spec.name());
            assertTrue(expected > 0, spec.name() + ": the generator restates or corrects something");
            assertEquals(expected, restated, spec.name() + " rows in silver from a later delivery than their first");
        }
    }
}
