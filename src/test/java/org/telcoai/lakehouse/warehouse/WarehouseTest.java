package org.telcoai.lakehouse.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telcoai.lakehouse.testing.SharedSpark;

/** What the jobs learn from a table's log without a query: versions, commit metrics, and the checks of ensureTable. */
class WarehouseTest {

    private static final String TABLE = "gold.warehouse_probe";
    private static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("id", DataTypes.IntegerType, false),
            DataTypes.createStructField("label", DataTypes.StringType, true)));

    private Warehouse warehouse;

    @BeforeEach
    void emptyWarehouse() {
        SharedSpark.resetWarehouse();
        warehouse = SharedSpark.warehouse();
        warehouse.ensureSchemas();
    }

    @Test
    void versionAndCommitMetricsComeFromTheLog() {
        warehouse.ensureTable(TABLE, SCHEMA, List.of(), Map.of());
        assertEquals(0, warehouse.version(TABLE));
        // Into the empty table replaceWhere appends, and still refuses a row outside its predicate.
        Exception outside = assertThrows(Exception.class, () -> warehouse.replaceWhere(TABLE, rows(2, 3), "id = 2"));
        assertTrue(String.valueOf(outside.getMessage()).contains("is not true"), outside::getMessage);
        assertEquals(0, warehouse.version(TABLE));
        warehouse.replaceWhere(TABLE, rows(1, 2, 3), "true");
        assertEquals(3, warehouse.lastCommit(TABLE).metric("numOutputRows"));
        assertEquals(1, warehouse.version(TABLE));
        warehouse.replaceWhere(TABLE, rows(2), "id = 2");

        Warehouse.Commit last = warehouse.lastCommit(TABLE);
        assertEquals(2, last.version());
        assertEquals(2, warehouse.version(TABLE));
        // The file of 3 rows was rewritten: 2 rows copied, 1 deleted, and the 1 new row written.
        assertEquals(3, last.metric("numOutputRows"));
        assertEquals(2, last.metricOrZero("numCopiedRows"));
        assertEquals(1, last.metric("numDeletedRows"));
        assertEquals(0, last.metricOrZero("noSuchMetric"));
        assertThrows(IllegalStateException.class, () -> last.metric("noSuchMetric"));
        assertEquals(warehouse.fileCount(TABLE), warehouse.read(TABLE).inputFiles().length);
    }

    @Test
    void rowCountsComeFromTheFileStatisticsInTheChecksumLessTheRowsOfDeletionVectors() {
        String table = "gold.warehouse_probe_dv";
        warehouse.ensureTable(table, SCHEMA, List.of(), Map.of("delta.enableDeletionVectors", "true"));
        assertEquals(OptionalLong.of(0), warehouse.rowCountFromStatistics(table));
        warehouse.replaceWhere(table, rows(1, 2, 3, 4, 5), "true");
        warehouse.delta(table).delete("id IN (2, 4)");
        assertEquals(1, warehouse.lastCommit(table).metric("numDeletionVectorsAdded"), "the file kept, 2 rows marked");
        assertEquals(1, warehouse.fileCount(table));
        assertEquals(OptionalLong.of(3), warehouse.rowCountFromStatistics(table));
        assertEquals(3, warehouse.rowCount(table));
        assertEquals(3, warehouse.read(table).count());
    }

    @Test
    void anExistingTableMissingADeclaredColumnIsRefused() {
        warehouse.ensureTable(TABLE, SCHEMA, List.of(), Map.of());
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> warehouse.ensureTable(TABLE,
                SCHEMA.add("added_later", DataTypes.LongType), List.of(), Map.of()));
        assertTrue(refused.getMessage().contains("has no column added_later"), refused.getMessage());
    }

    @Test
    void aRegisteredTableWhoseFolderIsGoneIsRefusedClearly() throws IOException {
        warehouse.ensureTable(TABLE, SCHEMA, List.of(), Map.of());
        deleteRecursively(Path.of(java.net.URI.create(warehouse.location(TABLE))));
        DeltaLog.clearCache();
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> warehouse.ensureTable(TABLE, SCHEMA, List.of(), Map.of()));
        assertTrue(refused.getMessage().contains("holds no Delta table"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> warehouse.version(TABLE));
    }

    /** What a process killed while creating the table leaves: a folder and an uncommitted _delta_log. */
    @Test
    void aFolderLeftByACreationThatNeverCommittedIsReplacedByTheTable() throws IOException {
        Path folder = Path.of(java.net.URI.create(warehouse.location(TABLE)));
        Files.createDirectories(folder.resolve("_delta_log"));
        Files.writeString(folder.resolve("_delta_log/.00000000000000000000.json.0f1e-uuid.tmp"), "{\"commitInfo\"");
        warehouse.ensureTable(TABLE, SCHEMA, List.of(), Map.of());
        assertEquals(0L, warehouse.version(TABLE));
        assertFalse(Files.exists(folder.resolve("_delta_log/.00000000000000000000.json.0f1e-uuid.tmp")));
    }

    @Test
    void aFolderWithOtherFilesAndNoTableIsLeftAloneAndRefused() throws IOException {
        Path folder = Path.of(java.net.URI.create(warehouse.location(TABLE)));
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("someone-elses.csv"), "a,b\n");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> warehouse.ensureTable(TABLE, SCHEMA, List.of(), Map.of()));
        assertTrue(refused.getMessage().contains("holds files (someone-elses.csv) but no Delta table"),
                refused.getMessage());
        assertTrue(Files.exists(folder.resolve("someone-elses.csv")));
    }

    private Dataset<Row> rows(int... ids) {
        return SharedSpark.spark().createDataFrame(java.util.Arrays.stream(ids)
                .mapToObj(id -> RowFactory.create(id, "row " + id)).toList(), SCHEMA);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
