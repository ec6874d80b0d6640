package org.telcoai.lakehouse.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.telcoai.lakehouse.datasets.DatasetSpec;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.demo.DemoDataGenerator;
import org.telcoai.lakehouse.demo.DemoOptions;
import org.telcoai.lakehouse.gold.GoldReport;
import org.telcoai.lakehouse.gold.GoldReports;
import org.telcoai.lakehouse.gold.ReportSettings;
import org.telcoai.lakehouse.landing.LandingZone;
import org.telcoai.lakehouse.pipeline.ReportJob.Mode;
import org.telcoai.lakehouse.pipeline.ReportJob.ReportResult;
import org.telcoai.lakehouse.silver.SilverSchema;
import org.telcoai.lakehouse.testing.DataFrameAssertions;
import org.telcoai.lakehouse.testing.SharedSpark;
import org.telcoai.lakehouse.warehouse.Layer;
import org.telcoai.lakehouse.warehouse.Warehouse;

/**
 * The demo data set (a history delivery, then daily deliveries with re-sent prices, restated capex and
 * corrected shipments) run night by night, incrementally, gives the same gold tables row for row as a full
 * refresh over the same deliveries, and the night-by-night MERGEs leave the same silver as the refresh's one pass
 * over all of bronze (latest version per key).
 */
class IncrementalEqualsFullRefreshTest {

    private static final LocalDate END = LocalDate.parse("2026-06-30");
    private static final int DAILY_DELIVERIES = 2;

    private static SparkSession spark;
    private static final Map<String, Snapshot> incrementalGold = new LinkedHashMap<>();
    private static final Map<String, Snapshot> silverBeforeRebuild = new LinkedHashMap<>();
    private static final Map<String, Snapshot> silverAfterRebuild = new LinkedHashMap<>();
    private static final Map<String, Snapshot> refreshedGold = new LinkedHashMap<>();
    private static List<ReportResult> lastIncrementalNight;
    private static List<ReportResult> refresh;

    /** A table's rows as they were at one point of the run. */
    private record Snapshot(StructType schema, List<Row> rows) {

        Dataset<Row> frame() {
            return spark.createDataFrame(rows, schema);
        }
    }

    @BeforeAll
    static void runBothWays() throws Exception {
        spark = SharedSpark.spark();
        Path landingDir = SharedSpark.newTempDir("landing-nights-");
        new DemoDataGenerator(new DemoOptions(landingDir, 0.001, 1, 11L, 0.01, END, DAILY_DELIVERIES)).generate();
        LandingZone landing = new LandingZone(landingDir.toString(), spark.sparkContext().hadoopConfiguration());

        SharedSpark.resetWarehouse();
        Warehouse nightly = SharedSpark.warehouse();
        for (LocalDate night = END.minusDays(DAILY_DELIVERIES); !night.isAfter(END); night = night.plusDays(1)) {
            new IngestJob(nightly, landing, "run-" + night).run(night, Datasets.ALL);
            lastIncrementalNight = new ReportJob(nightly, ReportSettings.DEFAULTS)
                    .run(GoldReports.ALL, false, "run-" + night);
        }
        snapshotGold(nightly, incrementalGold);
        snapshotSilver(nightly, silverBeforeRebuild);

        IngestJob refreshing = new IngestJob(nightly, landing, "run-refresh");
        refreshing.run(END, Datasets.ALL);
        refreshing.rebuild(Datasets.ALL);
        refresh = new ReportJob(nightly, ReportSettings.DEFAULTS).run(GoldReports.ALL, true, "run-refresh");
        snapshotGold(nightly, refreshedGold);
        snapshotSilver(nightly, silverAfterRebuild);
    }

    private static void snapshotGold(Warehouse warehouse, Map<String, Snapshot> into) {
        for (GoldReport report : GoldReports.ALL) {
            Dataset<Row> rows = warehouse.read(Layer.GOLD.table(report.name()));
            into.put(report.name(), new Snapshot(rows.schema(), rows.collectAsList()));
        }
    }

    private static void snapshotSilver(Warehouse warehouse, Map<String, Snapshot> into) {
        for (DatasetSpec spec : Datasets.ALL) {
            Dataset<Row> rows = warehouse.read(SilverSchema.table(spec));
            into.put(spec.name(), new Snapshot(rows.schema(), rows.collectAsList()));
        }
    }

    @Test
    void theLastNightWasIncrementalAndHadRestatementsToApply() {
        long incremental = lastIncrementalNight.stream().filter(r -> r.mode() == Mode.INCREMENTAL).count();
        assertTrue(incremental >= 3, "at least one report per fact table recomputed incrementally: "
                + lastIncrementalNight);
        refresh.forEach(r -> assertEquals(Mode.FULL, r.mode(), r.table()));
    }

    @Test
    void incrementalNightsEqualAFullRefresh() {
        for (GoldReport report : GoldReports.ALL) {
            assertTrue(!incrementalGold.get(report.name()).rows().isEmpty(), report.name() + " has rows");
            DataFrameAssertions.assertSameTable(report.name(), refreshedGold.get(report.name()).frame(),
                    incrementalGold.get(report.name()).frame(), report.keyColumns());
        }
    }

    @Test
    void aFullRefreshRebuildsTheSameSilverFromBronze() {
        for (DatasetSpec spec : Datasets.ALL) {
            List<String> keys = spec.keyColumns();
            DataFrameAssertions.assertSameTable(spec.name(), silverBeforeRebuild.get(spec.name()).frame(),
                    silverAfterRebuild.get(spec.name()).frame(), keys);
        }
    }
}
