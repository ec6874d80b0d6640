package org.telcoai.lakehouse.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.telcoai.lakehouse.gold.GpuFixtures.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.telcoai.lakehouse.pipeline.IngestJob;
import org.telcoai.lakehouse.pipeline.ReportJob;
import org.telcoai.lakehouse.pipeline.ReportJob.ReportResult;
import org.telcoai.lakehouse.testing.SharedSpark;
import org.telcoai.lakehouse.warehouse.Layer;
import org.telcoai.lakehouse.warehouse.Warehouse;

/** The GPU reports through the report job over a tiny Delta warehouse: written to gold.<name>, re-runnable. */
class GpuReportJobTest {

    static final List<GoldReport> GPU_REPORTS = List.of(new GpuVendorShare(), new GpuMarketConcentration(),
            new GpuBuyerShare(), new SovereignCapacity());

    private static Warehouse warehouse;
    private static GoldInputs inMemory;

    @BeforeAll
    static void tinyWarehouse() {
        SharedSpark.resetWarehouse();
        warehouse = SharedSpark.warehouse();
        IngestJob.ensureTables(warehouse);
        Dataset<Row> shipments = shipments(GpuVendorShareTest.SHIPMENTS);
        warehouse.replaceWhere(GpuFacts.SHIPMENTS, shipments, "true");
        warehouse.replaceWhere(GpuFacts.OPERATORS, operators(), "true");
        inMemory = inputs(shipments);
    }

    @Test
    void everyGpuReportIsRegistered() {
        for (GoldReport report : GPU_REPORTS) {
            assertEquals(report.getClass(), GoldReports.byName(report.name()).orElseThrow().getClass());
        }
        assertEquals(GoldReports.ALL.size(), GoldReports.ALL.stream().map(GoldReport::name).distinct().count(),
                "report names are unique");
    }

    @Test
    void writesGoldTablesAndARerunGivesTheSameContent() {
        ReportJob job = new ReportJob(warehouse, ReportSettings.DEFAULTS);
        List<ReportResult> first = job.run(GPU_REPORTS, true, "run-1");
        Map<String, List<Row>> firstContent = new HashMap<>();
        for (int i = 0; i < GPU_REPORTS.size(); i++) {
            GoldReport report = GPU_REPORTS.get(i);
            String table = Layer.GOLD.table(report.name());
            assertEquals(table, first.get(i).table());
            assertTrue(warehouse.exists(table), table + " is in the catalog");
            Dataset<Row> written = warehouse.read(table);
            assertTrue(first.get(i).rows() > 0, table + " has rows");
            assertEquals(first.get(i).rows(), written.count());
            assertEquals(report.keyColumns(), List.of(written.columns()).subList(0, report.keyColumns().size()),
                    "key columns first");
            // what was written is what the transform computes from the same rows in memory
            assertSameRows(report.compute(inMemory), written);
            firstContent.put(table, written.collectAsList());
        }

        // Sources unchanged: nothing to do, no commit.
        List<ReportResult> unchanged = job.run(GPU_REPORTS, false, "run-2");
        for (int i = 0; i < GPU_REPORTS.size(); i++) {
            assertEquals(ReportJob.Mode.UNCHANGED, unchanged.get(i).mode(), unchanged.get(i).table());
            assertEquals(first.get(i).version(), unchanged.get(i).version(), unchanged.get(i).table());
        }

        List<ReportResult> second = job.run(GPU_REPORTS, true, "run-3");
        for (int i = 0; i < GPU_REPORTS.size(); i++) {
            String table = second.get(i).table();
            assertEquals(first.get(i).rows(), second.get(i).rows(), table);
            assertEquals(first.get(i).version() + 1, second.get(i).version(), table + ": one new commit");
            Dataset<Row> written = warehouse.read(table);
            assertSameRows(spark().createDataFrame(firstContent.get(table), written.schema()), written);
        }
    }
}
