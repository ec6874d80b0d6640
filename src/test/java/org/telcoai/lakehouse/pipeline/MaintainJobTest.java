package org.telcoai.lakehouse.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telcoai.lakehouse.datasets.DatasetSpec;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.pipeline.MaintainJob.Settings;
import org.telcoai.lakehouse.pipeline.MaintainJob.TableResult;
import org.telcoai.lakehouse.silver.SilverSchema;
import org.telcoai.lakehouse.silver.SilverVersions;
import org.telcoai.lakehouse.testing.DataFrameAssertions;
import org.telcoai.lakehouse.testing.SharedSpark;
import org.telcoai.lakehouse.warehouse.Warehouse;

/** OPTIMIZE and VACUUM through MaintainJob and Warehouse on small tables written as many small files. */
class MaintainJobTest {

    private static final DatasetSpec PRICES = Datasets.ENERGY_PRICES;
    private static final String SILVER = SilverSchema.table(PRICES);
    private static final String GOLD = "gold.maintain_sample";
    private static final String RETENTION_CHECK = "spark.databricks.delta.retentionDurationCheck.enabled";

    private SparkSession spark;
    private Warehouse warehouse;

    @BeforeEach
    void emptyWarehouse() {
        spark = SharedSpark.spark();
        SharedSpark.emptyCatalog();
        warehouse = SharedSpark.warehouse();
        warehouse.ensureSchemas();
    }

    /** Versions 1 to 3: 2024 as 3 + 3 files, 2025 as 2 files; 70 rows in all. */
    private void silverPricesInEightFiles() {
        warehouse.ensureTable(SILVER, SilverSchema.of(PRICES), SilverSchema.partitionColumns(PRICES),
                SilverSchema.properties(PRICES));
        warehouse.appendIdempotent(SILVER, prices(0, 30, 2024).repartition(3), "maintain-test", 1);
        warehouse.appendIdempotent(SILVER, prices(30, 30, 2024).repartition(3), "maintain-test", 2);
        warehouse.appendIdempotent(SILVER, prices(60, 10, 2025).repartition(2), "maintain-test", 3);
    }

    /** {@code count} hourly prices from 1 January of {@code year} (UTC) in silver's schema, keys distinct by id. */
    private Dataset<Row> prices(long firstId, long count, int year) {
        long yearStart = LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        Dataset<Row> rows = spark.range(firstId, firstId + count)
                .withColumn("zone", concat(lit("Z"), col("id").mod(3)))
                .withColumn("country_iso", lit("DE"))
                .withColumn("interval_start", timestamp_seconds(lit(yearStart).plus(col("id").multiply(3600))))
                .withColumn("interval_minutes", lit(60))
                .withColumn("price", col("id").divide(4))
                .withColumn("currency", lit("EUR"))
                .withColumn("market", when(col("id").mod(2).equalTo(0), "DAY_AHEAD").otherwise("INTRADAY"))
                .withColumn("price_usd_mwh", col("id").divide(2))
                .withColumn("interval_year", lit(year))
                .withColumn("_source_file", lit("prices.csv"))
                .withColumn("_row_number", col("id"))
                .withColumn("_delivery_date", to_date(lit("2026-06-30")))
                .withColumn("_ingest_batch", lit(1L))
                .withColumn("_ingest_run_id", lit("run-test"));
        StructType schema = SilverSchema.of(PRICES);
        return rows.select(Arrays.stream(schema.fields()).map(f -> col(f.name()).cast(f.dataType()))
                .toArray(Column[]::new));
    }

    /** Parquet files under the table's folder outside _delta_log, counted on disk independently of Warehouse. */
    private long parquetOnDisk(String table, String under) {
        Path root = Path.of(URI.create(warehouse.location(table)));
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".parquet"))
                    .filter(p -> !root.relativize(p).startsWith("_delta_log"))
                    .filter(p -> under == null || root.relativize(p).startsWith(under))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long deletionVectorFilesOnDisk(String table) {
        Path root = Path.of(URI.create(warehouse.location(table)));
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().startsWith("deletion_vector_")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Dataset<Row> version(String table, long version) {
        return spark.read().format("delta").option("versionAsOf", version).load(warehouse.location(table));
    }

    /**
     * One table through both steps: OPTIMIZE compacts each partition to one file, Z-ordered, rows unchanged; a
     * forced VACUUM with 0 hours then deletes the replaced files and the change data, and only for that call.
     */
    @Test
    void optimizeCompactsEachPartitionToOneFileThenForcedVacuumDeletesReplacedFilesAndChangeData() {
        silverPricesInEightFiles();
        assertEquals(8, warehouse.fileCount(SILVER));
        Warehouse.FileStats stats = warehouse.fileStats(SILVER);
        assertEquals(8, stats.files());
        assertEquals(2, stats.partitions(), "interval_year 2024 and 2025");
        // Change data feed is on in silver: an UPDATE writes _change_data files besides the rewritten data.
        warehouse.delta(SILVER).updateExpr("zone = 'Z0' AND interval_year = 2025", Map.of("price", "price + 1"));
        Map<String, String> update = warehouse.lastCommitMetrics(SILVER);
        long changeFiles = parquetOnDisk(SILVER, "_change_data");
        assertTrue(changeFiles > 0, "an UPDATE on a change data feed table writes _change_data files");
        assertEquals(Long.parseLong(update.get("numAddedChangeFiles")), changeFiles);
        long updateAdded = Long.parseLong(update.get("numAddedFiles"));
        // Deletion vectors on silver facts: the UPDATE marks the old rows in their files instead of rewriting them.
        // Each touched file is re-added with its deletion vector, and no unchanged row is copied anywhere.
        assertTrue(Long.parseLong(update.get("numDeletionVectorsAdded")) > 0, update.toString());
        assertEquals(update.get("numDeletionVectorsAdded"), update.get("numRemovedFiles"), update.toString());
        assertEquals("0", update.get("numCopiedRows"), update.toString());
        long filesBefore = 8 + updateAdded;
        assertEquals(filesBefore, warehouse.fileCount(SILVER));
        assertEquals(4, warehouse.version(SILVER));
        List<Row> rows = warehouse.read(SILVER).collectAsList();
        assertEquals(70, rows.size());
        MaintainJob job = new MaintainJob(warehouse);

        TableResult optimized = job.run(List.of(SILVER), new Settings(true, false, 168, false)).get(0);

        assertNull(optimized.error());
        assertEquals(List.of("zone", "market"), optimized.zOrder());
        assertEquals(filesBefore, optimized.filesBefore());
        assertEquals(2, optimized.filesAfter());
        assertEquals(4, optimized.versionBefore());
        assertEquals(5, optimized.versionAfter());
        assertEquals(-1, optimized.filesVacuumed());
        assertEquals(2, warehouse.fileCount(SILVER));
        Row commit = warehouse.delta(SILVER).history(1).select("operation", "operationParameters").head();
        assertEquals("OPTIMIZE", commit.getString(0));
        assertEquals("[\"zone\",\"market\"]", commit.<String, String>getJavaMap(1).get("zOrderBy"));
        Map<String, String> metrics = warehouse.lastCommitMetrics(SILVER);
        assertEquals(Long.toString(filesBefore), metrics.get("numRemovedFiles"));
        assertEquals("2", metrics.get("numAddedFiles"));
        DataFrameAssertions.assertNoOrderEquals(version(SILVER, 4), warehouse.read(SILVER));
        // Replaced files stay for time travel until VACUUM: 8 appended, the UPDATE's, its change data, OPTIMIZE's 2.
        long onDisk = 8 + updateAdded + changeFiles + 2;
        assertEquals(onDisk, parquetOnDisk(SILVER, null));
        assertEquals("true", spark.conf().get(RETENTION_CHECK), "Delta's default");
        long deletionVectorFiles = deletionVectorFilesOnDisk(SILVER);
        assertTrue(deletionVectorFiles > 0, "the UPDATE's deletion vectors are files of their own");

        TableResult vacuumed = job.run(List.of(SILVER), new Settings(false, true, 0, true)).get(0);

        assertNull(vacuumed.error());
        assertEquals(onDisk, vacuumed.filesOnDiskBefore());
        assertEquals(2, vacuumed.filesOnDiskAfter());
        assertEquals(onDisk - 2, vacuumed.filesVacuumed());
        assertEquals(2, parquetOnDisk(SILVER, null));
        assertEquals(0, parquetOnDisk(SILVER, "_change_data"));
        // On this file system Delta logs VACUUM START and END as commits; END counts what was deleted.
        assertEquals(7, vacuumed.versionAfter());
        Row end = warehouse.delta(SILVER).history(1).select("operation").head();
        assertEquals("VACUUM END", end.getString(0));
        // VACUUM deletes the deletion vector files no version needs as well; filesVacuumed counts data files only.
        assertEquals(Long.toString(onDisk - 2 + deletionVectorFiles),
                warehouse.lastCommitMetrics(SILVER).get("numDeletedFiles"));
        assertEquals(0, deletionVectorFilesOnDisk(SILVER));
        DataFrameAssertions.assertNoOrderEquals(spark.createDataFrame(rows, warehouse.read(SILVER).schema()),
                warehouse.read(SILVER));
        assertThrows(Exception.class, () -> version(SILVER, 3).collectAsList(), "files of version 3 are gone");
        // The check is back: the same call without the lift is refused by Delta itself.
        assertEquals("true", spark.conf().get(RETENTION_CHECK));
        assertThrows(IllegalArgumentException.class, () -> warehouse.vacuum(SILVER, 0, false));
    }

    @Test
    void retentionBelowSafeWithoutForceIsRefusedBeforeAnyTableIsTouched() {
        // The table does not exist: a table step would record a failure, not throw.
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new MaintainJob(
                warehouse).run(List.of(SILVER), new Settings(true, true, 1, false)));
        assertEquals("VACUUM retention of 1 hours is below Delta's safe 168 hours: readers of older versions and "
                + "writers still running could lose files; pass --force to vacuum anyway", refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MaintainJob.checkRetention(-1, true));
        MaintainJob.checkRetention(168, false);
        MaintainJob.checkRetention(0.5, true);
    }

    @Test
    void everyTableIsMaintainedInLayerOrderAndOnlySilverFactsAreZOrdered() {
        warehouse.ensureTable(SILVER, SilverSchema.of(PRICES), SilverSchema.partitionColumns(PRICES),
                SilverSchema.properties(PRICES));
        warehouse.appendIdempotent(SILVER, prices(0, 6, 2024).repartition(2), "maintain-test", 1);
        warehouse.ensureTable(GOLD, new StructType().add("id", "long"), List.of(), Map.of());
        warehouse.appendIdempotent(GOLD, spark.range(0, 20).toDF().repartition(4), "maintain-test", 1);
        spark.sql("CREATE VIEW ops.maintain_view AS SELECT 1 AS one");
        MaintainJob job = new MaintainJob(warehouse);

        List<String> all = job.select(null);
        List<TableResult> results = job.run(all, new Settings(true, false, 168, false));

        assertEquals(List.of(SILVER, GOLD), all, "views are not tables to maintain");
        assertEquals(List.of("zone", "market"), results.get(0).zOrder());
        assertEquals(2, results.get(0).filesBefore());
        assertEquals(1, results.get(0).filesAfter());
        assertEquals(List.of(), results.get(1).zOrder());
        assertEquals(4, results.get(1).filesBefore());
        assertEquals(1, results.get(1).filesAfter());
        assertEquals(190, warehouse.read(GOLD).groupBy().sum("id").head().getLong(0));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> job.select(List.of("silver.telco_capex")));
        assertEquals("no table silver.telco_capex in the warehouse; tables: " + SILVER + ", " + GOLD,
                unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> job.select(List.of("ops.maintain_view")));
    }

    @Test
    void zOrderColumnsComeFromTheDatasetDeclarationForSilverFactAndVersionsTablesOnly() {
        for (DatasetSpec fact : Datasets.facts()) {
            assertEquals(fact.zOrderColumns(), MaintainJob.zOrderColumns(SilverSchema.table(fact)));
            assertEquals(fact.zOrderColumns(), MaintainJob.zOrderColumns(SilverVersions.table(fact)));
            assertTrue(fact.zOrderColumns().size() >= 1, fact.name() + " declares its Z-order columns");
        }
        assertEquals(List.of(), MaintainJob.zOrderColumns("bronze.energy_prices"));
        assertEquals(List.of(), MaintainJob.zOrderColumns("reference.operators"));
        assertEquals(List.of("operator_id", "country_iso"), Datasets.TELCO_CAPEX.zOrderColumns());
        IllegalArgumentException partitionColumn = assertThrows(IllegalArgumentException.class,
                () -> Datasets.ENERGY_PRICES.zOrderBy("interval_year"));
        assertEquals("energy_prices: Z-order column interval_year is the partition column",
                partitionColumn.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Datasets.ENERGY_PRICES.zOrderBy("no_such_column"));
    }
}
