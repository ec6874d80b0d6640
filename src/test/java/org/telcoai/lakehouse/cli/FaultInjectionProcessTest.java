package org.telcoai.lakehouse.cli;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.telcoai.lakehouse.bronze.Lineage;
import org.telcoai.lakehouse.datasets.DatasetSpec;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.gold.GoldReport;
import org.telcoai.lakehouse.gold.GoldReports;
import org.telcoai.lakehouse.ops.IngestLog;
import org.telcoai.lakehouse.ops.JobRuns;
import org.telcoai.lakehouse.quarantine.QuarantineSchema;
import org.telcoai.lakehouse.silver.SilverSchema;
import org.telcoai.lakehouse.silver.SilverVersions;
import org.telcoai.lakehouse.testing.FaultyLocalFileSystem;
import org.telcoai.lakehouse.testing.LakehouseProcess;
import org.telcoai.lakehouse.testing.Ports;
import org.telcoai.lakehouse.testing.SharedSpark;
import org.telcoai.lakehouse.warehouse.Layer;
import org.telcoai.lakehouse.warehouse.Warehouse;

/**
 * Faults injected into real lakehouse processes, compared with an uninterrupted night on the same deliveries: a
 * disk that fills up, then SIGKILL at five points, one after another on one warehouse; two ingests started at once.
 * The faults are placed by {@link FaultyLocalFileSystem}, which acts where the process is about to create a chosen
 * file, so every kill lands where it is meant to.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultInjectionProcessTest {

    private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(20);
    private static final String RUN_DATE = "2026-06-29";
    /** A Delta commit other than the table's creation, as it is written before its rename. */
    private static final String COMMIT = "/_delta_log/\\.(?!0{20}\\.)\\d{20}\\.json";

    /**
     * One warehouse through a chain of faults, each run meeting the next fault while it redoes what the faults
     * before it left unfinished: a full disk, then SIGKILL at five points.
     */
    static final List<Fault> CHAIN = List.of(
            new Fault("disk full during a silver MERGE", "/silver\\.db/energy_prices/.*part-", "no-space"),
            new Fault("SIGKILL during ingest, writing bronze data files", "/bronze\\.db/gpu_shipments/.*part-",
                    "pause"),
            new Fault("SIGKILL during a silver MERGE, its files written, before its commit",
                    "/silver\\.db/gpu_shipments" + COMMIT, "pause"),
            new Fault("SIGKILL at the end of ingest, logging the files INGESTED", "/ops\\.db/ingest_log" + COMMIT,
                    "pause"),
            new Fault("SIGKILL between stages: ingest recorded, the first gold table being created", "/gold\\.db/",
                    "pause"),
            new Fault("SIGKILL during a gold replaceWhere, its files written, before its commit",
                    "/gold\\.db/gpu_vendor_share" + COMMIT, "pause"));

    private Path root;
    private Path landing;
    private Path faultConf;
    private Process uninterruptedRun;
    private Warehouse uninterrupted;

    /** Where the fault strikes: a regular expression on the path of the file about to be created. */
    record Fault(String name, String path, String action) { }

    @BeforeAll
    void uninterruptedNight() throws Exception {
        root = SharedSpark.newTempDir("faults-");
        landing = root.resolve("landing");
        faultConf = FaultyLocalFileSystem.enableIn(root.resolve("fault-conf"));
        assertEquals(0, LakehouseCli.run("generate", "--landing", landing.toString(), "--scale", "0.002",
                "--years", "1", "--daily-deliveries", "1", "--end-date", "2026-06-30"));
        // Runs beside the first test's children, on the core they leave idle; compared with at the end of each.
        uninterruptedRun = process("uninterrupted").start(root.resolve("uninterrupted.log"), "nightly",
                "--run-date", RUN_DATE);
    }

    @AfterAll
    void stopTheUninterruptedNight() {
        LakehouseProcess.destroy(uninterruptedRun);
    }

    private synchronized Warehouse uninterrupted() throws InterruptedException {
        if (uninterrupted == null) {
            Path log = root.resolve("uninterrupted.log");
            assertTrue(uninterruptedRun.waitFor(CHILD_TIMEOUT.toMinutes(), TimeUnit.MINUTES),
                    () -> LakehouseProcess.tail(log));
            assertEquals(0, uninterruptedRun.exitValue(), () -> LakehouseProcess.tail(log));
            uninterrupted = warehouse("uninterrupted");
        }
        return uninterrupted;
    }

    /**
     * Datasets and reports are written one at a time in these runs, so each fault lands at the same place on
     * every run of the test, and each run reaches the next fault's place.
     */
    @Test
    void aNightThroughAFullDiskAndFiveKillsEndsEqualToAnUninterruptedNight() throws Exception {
        String home = "faults";
        List<String> history = new ArrayList<>();
        for (int step = 0; step < CHAIN.size(); step++) {
            Fault fault = CHAIN.get(step);
            Path log = root.resolve(home + "-" + step + ".log");
            LakehouseProcess night = process(home).with("lakehouse.concurrent-writes", "1")
                    .with("lakehouse.test.fault.path", fault.path())
                    .with("lakehouse.test.fault.action", fault.action());
            if (fault.action().equals("no-space")) {
                assertEquals(1, night.run(log, CHILD_TIMEOUT, "nightly", "--run-date", RUN_DATE),
                        () -> LakehouseProcess.tail(log));
                history.add(fault.name() + ": " + assertFailedInOneLineCommittingNothingHalf(log, warehouse(home)));
            } else {
                Process killed = night.start(log, "nightly", "--run-date", RUN_DATE);
                String pausedAt = awaitPause(killed, log);
                LakehouseProcess.destroy(killed); // SIGKILL: no finally block and no shutdown hook runs
                assertEquals(137, killed.exitValue(), "killed by SIGKILL");
                history.add(fault.name() + ": killed before creating " + pausedAt);
            }
        }
        Path log = root.resolve(home + "-last.log");
        assertEquals(0, process(home).run(log, CHILD_TIMEOUT, "nightly", "--run-date", RUN_DATE),
                () -> LakehouseProcess.tail(log));
        history.forEach(line -> System.out.println("fault chain: " + line));

        Warehouse recovered = warehouse(home);
        assertSameData("after " + history, recovered, allTables());
        assertIngestLogTellsTheTruth(recovered);
        assertJobRunsShowTheInterruptedRunsAsNeverFinished(recovered, CHAIN.size());
    }

    /**
     * One "error:" line naming the cause, and the table whose MERGE could not write its files still at its
     * creation (version 0); every table readable, so no version refers to a file that is not there.
     */
    private static String assertFailedInOneLineCommittingNothingHalf(Path log, Warehouse full) throws IOException {
        List<String> errors = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), () -> LakehouseProcess.tail(log));
        assertTrue(errors.get(0).contains(FaultyLocalFileSystem.NO_SPACE), errors::toString);
        assertEquals(0L, full.version(Layer.SILVER.table("energy_prices")));
        assertEquals(0, read(full, Layer.SILVER.table("energy_prices")).count());
        for (String table : ingestTables()) {
            read(full, table).count();
        }
        return "exit 1, " + errors.get(0);
    }

    /**
     * Delta on a local disk cannot arbitrate between processes (a commit is a rename another process may overwrite),
     * so a writing run takes the warehouse's WriterLock: the second ingest waits for the first, then finds every
     * file ingested. Both share the catalog through the metastore server, as two scheduled runs would.
     */
    @Test
    void twoIngestsStartedAtOnceOnOneLandingZoneIngestEveryRowOnce() throws Exception {
        String home = "concurrent";
        int metastorePort = Ports.free();
        List<Process> ingests = new ArrayList<>();
        List<Path> logs = List.of(root.resolve(home + "-a.log"), root.resolve(home + "-b.log"));
        List<String> waited = new ArrayList<>();
        try {
            for (Path log : logs) {
                ingests.add(sharedCatalogProcess(home, metastorePort).start(log, "ingest", "--run-date", RUN_DATE));
            }
            for (int i = 0; i < ingests.size(); i++) {
                Path log = logs.get(i);
                assertTrue(ingests.get(i).waitFor(CHILD_TIMEOUT.toMinutes(), TimeUnit.MINUTES),
                        () -> LakehouseProcess.tail(log));
                assertEquals(0, ingests.get(i).exitValue(), () -> LakehouseProcess.tail(log));
                Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                        .filter(line -> line.contains("waiting for the run writing the warehouse to finish"))
                        .findFirst().ifPresent(waited::add);
            }
        } finally {
            ingests.forEach(LakehouseProcess::destroy);
            LakehouseProcess.stopMetastoreServer(metastorePort);
        }
        assertEquals(1, waited.size(), waited::toString);
        System.out.println("concurrent ingests: " + waited.get(0));
        Warehouse both = warehouse(home);
        assertSameData("two ingests at once", both, ingestTables());
        assertIngestLogTellsTheTruth(both);
    }

    private static List<String> ingestTables() {
        List<String> tables = new ArrayList<>();
        for (DatasetSpec spec : Datasets.ALL) {
            tables.add(Layer.BRONZE.table(spec.name()));
            tables.add(QuarantineSchema.table(spec));
            tables.add(SilverSchema.table(spec));
            if (!spec.isReference()) {
                tables.add(SilverVersions.table(spec));
            }
        }
        return tables;
    }

    private static List<String> allTables() {
        List<String> tables = new ArrayList<>(ingestTables());
        for (GoldReport report : GoldReports.ALL) {
            tables.add(Layer.GOLD.table(report.name()));
        }
        return tables;
    }

    /** The tables hold the same rows as the uninterrupted night's; run ids and ingest times aside. */
    private void assertSameData(String what, Warehouse actual, List<String> tables) throws InterruptedException {
        for (String table : tables) {
            Dataset<Row> expected = comparable(uninterrupted(), table);
            Dataset<Row> recovered = comparable(actual, table);
            long rows = expected.count();
            assertEquals(rows, recovered.count(), what + ": " + table + " row count");
            assertEquals(0, expected.exceptAll(recovered).count(), what + ": rows missing from " + table);
            assertEquals(0, recovered.exceptAll(expected).count(), what + ": rows " + table + " should not have");
        }
    }

    private static Dataset<Row> comparable(Warehouse warehouse, String table) {
        return SharedSpark.spark().read().format("delta").load(warehouse.location(table))
                .drop(Lineage.INGEST_RUN_ID, Lineage.INGESTED_AT);
    }

    /** Every file logged once, finished, with its rows balanced, and the same counts as the uninterrupted night. */
    private void assertIngestLogTellsTheTruth(Warehouse actual) throws InterruptedException {
        Map<String, String> expected = ingestLogByFile(uninterrupted());
        Map<String, String> recovered = ingestLogByFile(actual);
        assertEquals(expected, recovered);
        assertTrue(recovered.values().stream().noneMatch(entry -> entry.startsWith(IngestLog.Status.STARTED.name())),
                recovered::toString);
    }

    private static Map<String, String> ingestLogByFile(Warehouse warehouse) {
        Map<String, String> entries = new TreeMap<>();
        for (Row row : read(warehouse, IngestLog.TABLE).collectAsList()) {
            String file = row.getAs("file_path");
            long read = row.<Long>getAs("rows_read") == null ? -1 : row.<Long>getAs("rows_read");
            long accepted = row.<Long>getAs("rows_accepted") == null ? -1 : row.<Long>getAs("rows_accepted");
            long quarantined = row.<Long>getAs("rows_quarantined") == null ? -1 : row.<Long>getAs("rows_quarantined");
            if (row.getAs("status").equals(IngestLog.Status.INGESTED.name())) {
                assertEquals(read, accepted + quarantined, file);
            }
            String previous = entries.put(file, row.getAs("status") + " batch " + row.getAs("batch") + ": " + read
                    + " = " + accepted + " + " + quarantined);
            assertEquals(null, previous, file + " logged twice");
        }
        return entries;
    }

    /** The interrupted runs started and never finished (the full disk refused even the FAILED row); the last SUCCEEDED. */
    private static void assertJobRunsShowTheInterruptedRunsAsNeverFinished(Warehouse actual, int interrupted) {
        Map<String, List<String>> runs = new TreeMap<>();
        for (Row row : read(actual, JobRuns.TABLE).where(col("stage").equalTo(JobRuns.RUN)).collectAsList()) {
            runs.computeIfAbsent(row.getAs("run_id"), id -> new ArrayList<>()).add(row.getAs("status"));
        }
        runs.values().forEach(java.util.Collections::sort);
        assertEquals(interrupted + 1, runs.size(), runs::toString);
        assertEquals(interrupted, runs.values().stream().filter(List.of("RUNNING")::equals).count(), runs::toString);
        assertEquals(1, runs.values().stream().filter(List.of("RUNNING", "SUCCEEDED")::equals).count(),
                runs::toString);
    }

    private static Dataset<Row> read(Warehouse warehouse, String table) {
        return SharedSpark.spark().read().format("delta").load(warehouse.location(table));
    }

    private static String awaitPause(Process child, Path log) throws Exception {
        long deadline = System.nanoTime() + CHILD_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    int at = line.indexOf(FaultyLocalFileSystem.PAUSED);
                    if (at >= 0) {
                        return line.substring(at + FaultyLocalFileSystem.PAUSED.length());
                    }
                }
            }
            if (!child.isAlive()) {
                throw new AssertionError("never reached the kill point; exit " + child.exitValue() + "\n"
                        + LakehouseProcess.tail(log));
            }
            Thread.sleep(200);
        }
        LakehouseProcess.destroy(child);
        throw new AssertionError("never reached the kill point in " + CHILD_TIMEOUT);
    }

    /** A nightly child with data under root/home, the shared landing zone and an embedded catalog of its own. */
    private LakehouseProcess process(String home) {
        return new LakehouseProcess(root.resolve(home), 0).classpathFirst(faultConf)
                .with("lakehouse.landing", landing.toString())
                .with("lakehouse.metastore.mode", "embedded");
    }

    /** The same, with the catalog in a Derby network server both children of a test share. */
    private LakehouseProcess sharedCatalogProcess(String home, int metastorePort) {
        return new LakehouseProcess(root.resolve(home), metastorePort)
                .with("lakehouse.landing", landing.toString());
    }

    private Warehouse warehouse(String home) {
        return new Warehouse(SharedSpark.spark(), root.resolve(home).resolve("data/warehouse").toUri().toString(), 1);
    }
}
