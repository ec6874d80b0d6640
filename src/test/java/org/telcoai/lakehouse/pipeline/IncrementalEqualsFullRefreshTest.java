package org.telcoai.lakehouse.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.telcoai.lakehouse.datasets.DatasetSpec;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.gold.GoldInputs;
import org.telcoai.lakehouse.gold.GoldReport;
import org.telcoai.lakehouse.gold.GoldReports;
import org.telcoai.lakehouse.gold.ReportSettings;
import org.telcoai.lakehouse.landing.LandingZone;
import org.telcoai.lakehouse.pipeline.ReportJob.Mode;
import org.telcoai.lakehouse.pipeline.ReportJob.ReportResult;
import org.telcoai.lakehouse.silver.SilverSchema;
import org.telcoai.lakehouse.silver.SilverVersions;
import org.telcoai.lakehouse.testing.DataFrameAssertions;
import org.telcoai.lakehouse.testing.SharedSpark;
import org.telcoai.lakehouse.testing.SmallDeliveries;
import org.telcoai.lakehouse.warehouse.Layer;
import org.telcoai.lakehouse.warehouse.Warehouse;

/**
 * Small deliveries (a history delivery, then daily deliveries that re-send a price, restate capex, one record into
 * another quarter, and correct shipments) run night by night, incrementally, give the same gold tables row for row
 * as a full refresh over the same deliveries, and the night-by-night MERGEs leave the same silver (latest version per
 * key) and versions tables as the refresh's one pass over all of bronze.
 *
 * <p>On the same nights, after VACUUM with zero retention has removed every earlier table version: the reports as
 * of the history delivery and of the first daily delivery (both before restatements) equal the reports computed
 * from scratch over the tables as they were that night (what a landing zone holding only the deliveries up to that
 * date gives) and the gold that night wrote; as of the last delivery they equal gold.
 */
class IncrementalEqualsFullRefreshTest {

    private static final LocalDate END = SmallDeliveries.DAY_2;
    /** The history delivery and the first daily one. */
    private static final List<LocalDate> PAST_DATES = List.of(SmallDeliveries.HISTORY, SmallDeliveries.DAY_1);

    private static SparkSession spark;
    private static final Map<String, Snapshot> incrementalGold = new LinkedHashMap<>();
    private static final Map<String, Snapshot> silverBeforeRebuild = new LinkedHashMap<>();
    private static final Map<String, Snapshot> silverAfterRebuild = new LinkedHashMap<>();
    private static final Map<String, Snapshot> refreshedGold = new LinkedHashMap<>();
    private static final Map<LocalDate, Map<String, Snapshot>> recomputedThatNight = new LinkedHashMap<>();
    private static final Map<LocalDate, Map<String, Snapshot>> goldThatNight = new LinkedHashMap<>();
    private static final Map<LocalDate, Map<String, Snapshot>> asOfGold = new LinkedHashMap<>();
    private static List<ReportResult> historyNight;
    private static List<ReportResult> lastIncrementalNight;
    private static List<ReportResult> refresh;

    /** A table's rows as they were at one point of the run. */
    private record Snapshot(StructType schema, List<Row> rows) {

        Dataset<Row> frame() {
            return spark.createDataFrame(rows, schema);
        }
    }

    @BeforeAll
    static void runBothWays() {
        spark = SharedSpark.spark();
        Path landingDir = SharedSpark.newTempDir("landing-nights-");
        SmallDeliveries.write(landingDir);
        LandingZone landing = new LandingZone(landingDir.toString(), spark.sparkContext().hadoopConfiguration());

        SharedSpark.resetWarehouse();
        Warehouse nightly = SharedSpark.warehouse();
        for (LocalDate night = SmallDeliveries.HISTORY; !night.isAfter(END); night = night.plusDays(1)) {
            new IngestJob(nightly, landing, "run-" + night).run(night, Datasets.ALL);
            lastIncrementalNight = new ReportJob(nightly, ReportSettings.DEFAULTS)
                    .run(GoldReports.ALL, false, "run-" + night);
            if (PAST_DATES.contains(night)) {
                goldThatNight.put(night, new LinkedHashMap<>());
                snapshotGold(nightly, goldThatNight.get(night));
                // The history night computed every report from scratch (asserted below), so what it wrote is the
                // computation from scratch; a later night's incremental gold is checked against one made here.
                recomputedThatNight.put(night, night.equals(SmallDeliveries.HISTORY) ? goldThatNight.get(night)
                        : computeReports(nightly));
            }
            if (night.equals(SmallDeliveries.HISTORY)) {
                historyNight = lastIncrementalNight;
            }
        }
        snapshotGold(nightly, incrementalGold);
        snapshotSilver(nightly, silverBeforeRebuild);

        // Reports as of a date must not depend on old table versions: remove those of every table they read.
        for (DatasetSpec spec : Datasets.ALL) {
            nightly.vacuum(SilverSchema.table(spec), 0, true);
            if (!spec.isReference()) {
                nightly.vacuum(SilverVersions.table(spec), 0, true);
            }
        }
        for (LocalDate asOf : List.of(PAST_DATES.get(0), PAST_DATES.get(1), END)) {
            new ReportJob(nightly, ReportSettings.DEFAULTS).asOf(GoldReports.ALL, asOf);
            Map<String, Snapshot> gold = new LinkedHashMap<>();
            for (GoldReport report : GoldReports.ALL) {
                if (!report.historical()) {
                    Dataset<Row> rows = nightly.read(Layer.GOLD_ASOF.table(report.name()))
                            .where(col(ReportJob.AS_OF).equalTo(lit(java.sql.Date.valueOf(asOf))))
                            .drop(ReportJob.AS_OF);
                    gold.put(report.name(), new Snapshot(rows.schema(), rows.collectAsList()));
                }
            }
            asOfGold.put(asOf, gold);
        }

        IngestJob refreshing = new IngestJob(nightly, landing, "run-refresh");
        refreshing.run(END, Datasets.ALL);
        refreshing.rebuild(Datasets.ALL);
        refresh = new ReportJob(nightly, ReportSettings.DEFAULTS).run(GoldReports.ALL, true, "run-refresh");
        snapshotGold(nightly, refreshedGold);
        snapshotSilver(nightly, silverAfterRebuild);
    }

    /** Every report's rows over the warehouse's silver and reference tables, computed but not written. */
    private static Map<String, Snapshot> computeReports(Warehouse warehouse) {
        Map<String, Snapshot> computed = new LinkedHashMap<>();
        for (GoldReport report : GoldReports.ALL) {
            Map<String, Dataset<Row>> inputs = new LinkedHashMap<>();
            for (String source : report.sources()) {
                String gold = Layer.GOLD.schema() + ".";
                inputs.put(source, source.startsWith(gold)
                        ? computed.get(source.substring(gold.length())).frame() : warehouse.read(source));
            }
            Dataset<Row> rows = report.compute(new GoldInputs(inputs, ReportSettings.DEFAULTS));
            computed.put(report.name(), new Snapshot(rows.schema(), rows.collectAsList()));
        }
        return computed;
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
            if (!spec.isReference()) {
                Dataset<Row> versions = warehouse.read(SilverVersions.table(spec));
                into.put(SilverVersions.table(spec), new Snapshot(versions.schema(), versions.collectAsList()));
            }
        }
    }

    @Test
    void reportsAsOfPastDatesEqualReportsComputedFromScratchThatNightAndTheGoldItWrote() {
        for (LocalDate pastDate : PAST_DATES) {
            for (GoldReport report : GoldReports.ALL) {
                Snapshot expected = recomputedThatNight.get(pastDate).get(report.name());
                DataFrameAssertions.assertSameTable(report.name() + " written on " + pastDate, expected.frame(),
                        goldThatNight.get(pastDate).get(report.name()).frame(), report.keyColumns());
                if (report.historical()) {
                    // Nothing is restated in the history delivery itself; the first daily one restates every fact.
                    assertEquals(pastDate.equals(SmallDeliveries.HISTORY), expected.rows().isEmpty(),
                            report.name() + " up to " + pastDate);
                    // Its rows up to the date in the final table are the whole table of that night.
                    Dataset<Row> upTo = incrementalGold.get(report.name()).frame()
                            .where(col(ReportJob.AS_OF).leq(lit(java.sql.Date.valueOf(pastDate))));
                    DataFrameAssertions.assertSameTable(report.name() + " up to " + pastDate, expected.frame(), upTo,
                            report.keyColumns());
                } else {
                    assertFalse(expected.rows().isEmpty(), report.name() + " up to " + pastDate + " has rows");
                    DataFrameAssertions.assertSameTable(report.name() + " as of " + pastDate, expected.frame(),
                            asOfGold.get(pastDate).get(report.name()).frame(), report.keyColumns());
                }
            }
        }
    }

    @Test
    void reportsAsOfTheLastDeliveryEqualGold() {
        for (GoldReport report : GoldReports.ALL) {
            if (!report.historical()) {
                DataFrameAssertions.assertSameTable(report.name() + " as of " + END,
                        incrementalGold.get(report.name()).frame(), asOfGold.get(END).get(report.name()).frame(),
                        report.keyColumns());
            }
        }
    }

    @Test
    void theDatesComparedComeBeforeRestatementsOfEachFactDataset() {
        // Without restatements after them, the as-of test above could not tell old versions from new ones.
        Dataset<Row> capex = incrementalGold.get("capex_restatements").frame();
        Dataset<Row> gpus = incrementalGold.get("gpu_shipment_restatements").frame();
        for (LocalDate pastDate : PAST_DATES) {
            Column after = col(ReportJob.AS_OF).gt(lit(java.sql.Date.valueOf(pastDate)));
            assertTrue(capex.where(after.and(col("capex_usd_difference").notEqual(0))).count() > 0,
                    "capex restated after " + pastDate);
            assertTrue(gpus.where(after).count() > 0, "shipments corrected after " + pastDate);
        }
        assertTrue(silverBeforeRebuild.get(SilverVersions.table(Datasets.ENERGY_PRICES)).frame()
                .where(col(SilverVersions.SUPERSEDED_IN).gt(lit(java.sql.Date.valueOf(PAST_DATES.get(0)))))
                .count() > 0, "prices re-sent after the history delivery");
    }

    @Test
    void theHistoryNightComputedEveryReportFromScratch() {
        assertEquals(GoldReports.ALL.size(), historyNight.size());
        historyNight.forEach(r -> assertEquals(Mode.FULL + " first computation", r.mode() + " " + r.scope(),
                r.table()));
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
            assertFalse(incrementalGold.get(report.name()).rows().isEmpty(), report.name() + " has rows");
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
            if (!spec.isReference()) {
                List<String> versionKeys = new java.util.ArrayList<>(keys);
                versionKeys.addAll(SilverVersions.VERSION_IDENTITY);
                String versions = SilverVersions.table(spec);
                DataFrameAssertions.assertSameTable(versions, silverBeforeRebuild.get(versions).frame(),
                        silverAfterRebuild.get(versions).frame(), versionKeys);
            }
        }
    }
}
