package org.telcoai.lakehouse.cli;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.telcoai.lakehouse.bronze.Lineage;
import org.telcoai.lakehouse.datasets.DatasetSpec;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.gold.GoldReport;
import org.telcoai.lakehouse.gold.GoldReports;
import org.telcoai.lakehouse.gold.ReportSettings;
import org.telcoai.lakehouse.landing.LandingZone;
import org.telcoai.lakehouse.ops.IngestLog;
import org.telcoai.lakehouse.ops.JobRuns;
import org.telcoai.lakehouse.pipeline.IngestJob;
import org.telcoai.lakehouse.pipeline.ReportJob;
import org.telcoai.lakehouse.quarantine.QuarantineSchema;
import org.telcoai.lakehouse.silver.SilverSchema;
import org.telcoai.lakehouse.silver.SilverVersions;
import org.telcoai.lakehouse.testing.FaultyLocalFileSystem;
import org.telcoai.lakehouse.testing.LakehouseProcess;
import org.telcoai.lakehouse.testing.Ports;
import org.telcoai.lakehouse.testing.SharedSpark;
import org.telcoai.lakehouse.testing.SmallDeliveries;
import org.telcoai.lakehouse.warehouse.Layer;
import org.telcoai.lakehouse.warehouse.Warehouse;

/**
 * The command line as the separate processes it runs as, on the same small deliveries, compared with one
 * uninterrupted night computed in this JVM:
 * <ul>
 *   <li>faults injected into nightly processes, one after another on one warehouse: a disk that fills up, then
 *       SIGKILL at five points, each run meeting the next fault while it redoes what the faults before it left
 *       unfinished; placed by {@link FaultyLocalFileSystem}, which acts where the process is about to create a chosen
 *       file, so every kill lands where it is meant to;</li>
 *   <li>on a second warehouse, in a thread of its own beside the faults: two nightly processes started at once
 *       (one waits for the other's WriterLock), then the analysts' {@code sql} and {@code serve} processes, and a
 *       nightly process bringing the next delivery while a Hive JDBC client stays connected to {@code serve}; all
 *       of them share the catalog through the metastore's Derby network server.</li>
 * </ul>
 * Children run with the JIT's first tier only and the serial collector: for a JVM that lives half a minute that
 * halves its CPU time, so the two threads' children share the two cores instead of queueing for them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LakehouseProcessesTest {

    private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(10);
    private static final String RUN_DATE = SmallDeliveries.DAY_2.toString();
    /** A Delta commit other than the table's creation, as it is written before its rename. */
    private static final String COMMIT = "/_delta_log/\\.(?!0{20}\\.)\\d{20}\\.json";
    private static final String TOTALS = "SELECT count(*), sum(interval_count) FROM gold.energy_price_monthly";
    /** serve's line once it listens, naming the port it bound for --port 0. */
    private static final Pattern SERVE_READY = Pattern.compile("JDBC server ready on localhost:(\\d+) ");

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

    /** Where the fault strikes: a regular expression on the path of the file about to be created. */
    record Fault(String name, String path, String action) { }

    private record Totals(long rows, long intervals) { }

    /** A finished child: its exit code and its log's lines. */
    private record Outcome(int exit, List<String> log) {

        String tail() {
            return String.join("\n", log.subList(Math.max(0, log.size() - 60), log.size()));
        }
    }

    /** What the second warehouse's processes did, recorded in their thread and asserted in the tests below. */
    private static final class SharedCatalogRuns {
        final List<Outcome> nightsAtOnce = new ArrayList<>();
        Map<String, List<String>> tablesAfterBoth;
        Map<String, String> ingestLogAfterBoth;
        Outcome sqlQuery;
        Outcome sqlFile;
        Totals totalsBeforeSql;
        String maxMonth;
        Totals jdbcBefore;
        Totals byPathBefore;
        Outcome nightWhileServing;
        boolean serveAliveAfterNight;
        Totals jdbcAfter;
        Totals byPathAfter;
        Outcome serve;
        int servePort;
    }

    private Path root;
    private Path landing;
    private Path faultConf;
    private int metastorePort;
    private Map<String, List<String>> uninterruptedTables;
    private Map<String, String> uninterruptedIngestLog;
    private CompletableFuture<SharedCatalogRuns> sharedCatalog;
    private final List<Process> children = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    void startTheSharedCatalogRunsAndComputeTheUninterruptedNight() throws Exception {
        root = SharedSpark.newTempDir("processes-");
        landing = root.resolve("landing");
        SmallDeliveries.write(landing);
        faultConf = FaultyLocalFileSystem.enableIn(root.resolve("fault-conf"));
        metastorePort = Ports.free();
        sharedCatalog = CompletableFuture.supplyAsync(this::sharedCatalogRuns);

        // The reference: the same night uninterrupted, in this JVM (the tables by path are what is compared).
        SharedSpark.resetWarehouse();
        Warehouse reference = SharedSpark.warehouse();
        new IngestJob(reference, new LandingZone(landing.toString(),
                SharedSpark.spark().sparkContext().hadoopConfiguration()), "run-uninterrupted")
                .run(SmallDeliveries.DAY_2, Datasets.ALL);
        new ReportJob(reference, ReportSettings.DEFAULTS).run(GoldReports.ALL, false, "run-uninterrupted");
        uninterruptedTables = rows(reference, allTables());
        uninterruptedIngestLog = ingestLogByFile(reference);
        for (GoldReport report : GoldReports.ALL) {
            assertFalse(uninterruptedTables.get(Layer.GOLD.table(report.name())).isEmpty(),
                    report.name() + " has rows on these deliveries, so its comparison means something");
        }
    }

    @AfterAll
    void stopEverything() throws Exception {
        children.forEach(LakehouseProcess::destroy);
        LakehouseProcess.stopMetastoreServer(metastorePort);
    }

    /**
     * Datasets and reports are written one at a time in these runs, so each fault lands at the same place on
     * every run of the test, and each run reaches the next fault's place.
     */
    @Test
    @Order(1)
    void aNightThroughAFullDiskAndFiveKillsEndsEqualToAnUninterruptedNight() throws Exception {
        String home = "faults";
        List<String> history = new ArrayList<>();
        for (int step = 0; step < CHAIN.size(); step++) {
            Fault fault = CHAIN.get(step);
            Path log = root.resolve(home + "-" + step + ".log");
            LakehouseProcess night = faultyProcess(home).with("lakehouse.concurrent-writes", "1")
                    .with("lakehouse.test.fault.path", fault.path())
                    .with("lakehouse.test.fault.action", fault.action());
            if (fault.action().equals("no-space")) {
                assertEquals(1, night.run(log, CHILD_TIMEOUT, "nightly", "--run-date", RUN_DATE),
                        () -> LakehouseProcess.tail(log));
                history.add(fault.name() + ": " + assertFailedInOneLineCommittingNothingHalf(log, warehouse(home)));
            } else {
                Process killed = start(night, log, "nightly", "--run-date", RUN_DATE);
                String pausedAt = awaitPause(killed, log);
                LakehouseProcess.destroy(killed); // SIGKILL: no finally block and no shutdown hook runs
                assertEquals(137, killed.exitValue(), "killed by SIGKILL");
                history.add(fault.name() + ": killed before creating " + pausedAt);
            }
        }
        Path log = root.resolve(home + "-last.log");
        assertEquals(0, faultyProcess(home).run(log, CHILD_TIMEOUT, "nightly", "--run-date", RUN_DATE),
                () -> LakehouseProcess.tail(log));
        history.forEach(line -> System.out.println("fault chain: " + line));

        Warehouse recovered = warehouse(home);
        assertEquals(uninterruptedTables, rows(recovered, allTables()), "after " + history);
        assertEquals(uninterruptedIngestLog, ingestLogByFile(recovered));
        assertJobRunsShowTheInterruptedRunsAsNeverFinished(recovered, CHAIN.size());
    }

    /**
     * Delta on a local disk cannot arbitrate between processes (a commit is a rename another process may overwrite),
     * so a writing run takes the warehouse's WriterLock: the second night waits for the first, then finds every
     * file ingested and every report up to date. Both share the catalog through the metastore server, as two
     * scheduled runs would.
     */
    @Test
    @Order(2)
    void twoNightsStartedAtOnceOnOneLandingZoneWriteEveryRowOnce() throws Exception {
        SharedCatalogRuns runs = sharedCatalog.get(CHILD_TIMEOUT.toMinutes() * 3, TimeUnit.MINUTES);
        List<String> waited = new ArrayList<>();
        for (Outcome night : runs.nightsAtOnce) {
            assertEquals(0, night.exit(), night::tail);
            night.log().stream().filter(line -> line.contains("waiting for the run writing the warehouse to finish"))
                    .findFirst().ifPresent(waited::add);
        }
        assertEquals(1, waited.size(), waited::toString);
        System.out.println("nights at once: " + waited.get(0));
        // The night that waited found every report unchanged, so the other's exports of the same versions stand.
        assertEquals(1, runs.nightsAtOnce.stream().filter(night -> night.log().stream()
                .anyMatch(line -> line.contains("are up to date: written from the same table versions"))).count());
        assertEquals(uninterruptedTables, runs.tablesAfterBoth, "two nights at once");
        assertEquals(uninterruptedIngestLog, runs.ingestLogAfterBoth);
    }

    @Test
    @Order(3)
    void sqlRunsStatementsFromTheCommandLineAndFromAFile() throws Exception {
        SharedCatalogRuns runs = sharedCatalog.get(CHILD_TIMEOUT.toMinutes() * 3, TimeUnit.MINUTES);
        assertEquals(0, runs.sqlQuery.exit(), runs.sqlQuery::tail);
        assertTrue(runs.sqlQuery.log().contains(runs.totalsBeforeSql.rows() + "\t" + runs.totalsBeforeSql.intervals()),
                runs.sqlQuery::tail);

        assertEquals(1, runs.sqlFile.exit(), runs.sqlFile::tail);
        List<String> fileOutput = runs.sqlFile.log();
        assertTrue(fileOutput.contains(runs.maxMonth), runs.sqlFile::tail);
        assertTrue(fileOutput.stream().anyMatch(l -> l.contains("TABLE_OR_VIEW_NOT_FOUND")
                && l.contains("no_such_table")), runs.sqlFile::tail);
        assertFalse(fileOutput.contains("never reached"), runs.sqlFile::tail);
    }

    @Test
    @Order(4)
    void serveAnswersJdbcAndShowsTheResultsOfANightlyRunWhileItServes() throws Exception {
        SharedCatalogRuns runs = sharedCatalog.get(CHILD_TIMEOUT.toMinutes() * 3, TimeUnit.MINUTES);
        assertEquals(runs.byPathBefore, runs.jdbcBefore);
        assertEquals(0, runs.nightWhileServing.exit(), runs.nightWhileServing::tail);
        assertTrue(runs.serveAliveAfterNight, runs.serve::tail);
        // The fourth delivery brings July's prices: one more month, two more intervals.
        assertEquals(new Totals(runs.jdbcBefore.rows() + 1, runs.jdbcBefore.intervals() + 2), runs.jdbcAfter);
        assertEquals(runs.byPathAfter, runs.jdbcAfter);
        System.out.printf("JDBC %s before the nightly run: %s, after: %s%n", TOTALS, runs.jdbcBefore, runs.jdbcAfter);
        assertEquals(0, runs.serve.exit(), runs.serve::tail);
        String url = jdbcUrl(runs.servePort);
        assertTrue(runs.serve.log().stream().anyMatch(l -> l.contains("JDBC server ready on localhost:"
                + runs.servePort) && l.endsWith(url)), runs.serve::tail);
    }

    /** Two nights at once, then sql, then serve beside a nightly run: one after another on one warehouse. */
    private SharedCatalogRuns sharedCatalogRuns() {
        try {
            SharedCatalogRuns runs = new SharedCatalogRuns();
            Path home = root.resolve("shared-catalog");
            LakehouseProcess lakehouse = new LakehouseProcess(home, metastorePort)
                    .with("lakehouse.landing", landing.toString());
            Warehouse warehouse = new Warehouse(SharedSpark.spark(),
                    home.resolve("data/warehouse").toUri().toString(), 1);

            List<Path> logs = List.of(home.resolve("night-a.log"), home.resolve("night-b.log"));
            Files.createDirectories(home);
            List<Process> nights = new ArrayList<>();
            for (Path log : logs) {
                nights.add(start(lakehouse, log, "nightly", "--run-date", RUN_DATE));
            }
            for (int i = 0; i < nights.size(); i++) {
                runs.nightsAtOnce.add(await(nights.get(i), logs.get(i)));
            }
            runs.tablesAfterBoth = rows(warehouse, allTables());
            runs.ingestLogAfterBoth = ingestLogByFile(warehouse);

            runs.totalsBeforeSql = totalsByPath(warehouse);
            runs.maxMonth = SharedSpark.spark().read().format("delta").load(goldPath(warehouse))
                    .selectExpr("CAST(max(month) AS STRING)").head().getString(0);
            Path script = home.resolve("statements.sql");
            Files.writeString(script, "SELECT max(month) FROM gold.energy_price_monthly;\n"
                    + "SELECT * FROM gold.no_such_table;\n"
                    + "SELECT 'never reached';\n");
            Path queryLog = home.resolve("sql-e.log");
            Path fileLog = home.resolve("sql-f.log");
            Process query = start(lakehouse, queryLog, "sql", "-S", "-e", TOTALS);
            Process file = start(lakehouse, fileLog, "sql", "-S", "-f", script.toString());
            runs.sqlQuery = await(query, queryLog);
            runs.sqlFile = await(file, fileLog);

            // Port 0: the server binds any free port and its log names it, so no other process can take it first.
            Path serveLog = home.resolve("serve.log");
            Process serve = start(lakehouse, serveLog, "serve", "--host", "localhost", "--port", "0");
            runs.servePort = LakehouseProcess.awaitPort(serve, serveLog, SERVE_READY, CHILD_TIMEOUT);
            try (Connection connection = connect(jdbcUrl(runs.servePort), serve, serveLog)) {
                runs.jdbcBefore = totals(connection);
                runs.byPathBefore = totalsByPath(warehouse);
                Path nightLog = home.resolve("night-while-serving.log");
                runs.nightWhileServing = await(start(lakehouse, nightLog, "nightly", "--run-date",
                        SmallDeliveries.DAY_3.toString()), nightLog);
                runs.serveAliveAfterNight = serve.isAlive();
                runs.jdbcAfter = totals(connection);
                runs.byPathAfter = totalsByPath(warehouse);
            }
            serve.destroy();
            runs.serve = await(serve, serveLog);
            return runs;
        } catch (Exception e) {
            throw new IllegalStateException("the shared-catalog runs failed", e);
        }
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

    /**
     * Each table's rows, run ids and ingest times aside, sorted: one query per table, compared in memory, so a
     * difference shows the rows themselves.
     */
    private static Map<String, List<String>> rows(Warehouse warehouse, List<String> tables) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : tables) {
            rows.put(table, SharedSpark.spark().read().format("delta").load(warehouse.location(table))
                    .drop(Lineage.INGEST_RUN_ID, Lineage.INGESTED_AT).collectAsList().stream()
                    .map(Row::toString).sorted().toList());
        }
        return rows;
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

    /** Every file logged once, finished, with its rows balanced: file -> status, batch and counts. */
    private static Map<String, String> ingestLogByFile(Warehouse warehouse) {
        Map<String, String> entries = new TreeMap<>();
        for (Row row : read(warehouse, IngestLog.TABLE).collectAsList()) {
            String file = row.getAs("file_path");
            long read = row.<Long>getAs("rows_read") == null ? -1 : row.<Long>getAs("rows_read");
            long accepted = row.<Long>getAs("rows_accepted") == null ? -1 : row.<Long>getAs("rows_accepted");
            long quarantined = row.<Long>getAs("rows_quarantined") == null ? -1 : row.<Long>getAs("rows_quarantined");
            assertEquals(IngestLog.Status.INGESTED.name(), row.getAs("status"), file);
            assertEquals(read, accepted + quarantined, file);
            String previous = entries.put(file, row.getAs("status") + " batch " + row.getAs("batch") + ": " + read
                    + " = " + accepted + " + " + quarantined);
            assertEquals(null, previous, file + " logged twice");
        }
        return entries;
    }

    /**
     * The interrupted runs started and never finished (the full disk refused even the FAILED row); the last
     * SUCCEEDED.
     */
    private static void assertJobRunsShowTheInterruptedRunsAsNeverFinished(Warehouse actual, int interrupted) {
        Map<String, List<String>> runs = new TreeMap<>();
        for (Row row : read(actual, JobRuns.TABLE).where(col("stage").equalTo(JobRuns.RUN)).collectAsList()) {
            runs.computeIfAbsent(row.getAs("run_id"), id -> new ArrayList<>()).add(row.getAs("status"));
        }
        runs.values().forEach(Collections::sort);
        assertEquals(interrupted + 1, runs.size(), runs::toString);
        assertEquals(interrupted, runs.values().stream().filter(List.of("RUNNING")::equals).count(), runs::toString);
        assertEquals(1, runs.values().stream().filter(List.of("RUNNING", "SUCCEEDED")::equals).count(),
                runs::toString);
    }

    private static org.apache.spark.sql.Dataset<Row> read(Warehouse warehouse, String table) {
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

    private Connection connect(String url, Process serve, Path serveLog) throws Exception {
        Class.forName("org.apache.hive.jdbc.HiveDriver");
        long deadline = System.nanoTime() + CHILD_TIMEOUT.toNanos();
        while (true) {
            try {
                return DriverManager.getConnection(url, "analyst", "");
            } catch (SQLException notYet) {
                if (!serve.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("no JDBC server at " + url + "; log:\n" + LakehouseProcess.tail(serveLog),
                            notYet);
                }
                Thread.sleep(500);
            }
        }
    }

    private static String jdbcUrl(int port) {
        return "jdbc:hive2://localhost:" + port + "/default";
    }

    private static Totals totals(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(TOTALS)) {
            assertTrue(rows.next());
            Totals totals = new Totals(rows.getLong(1), rows.getLong(2));
            assertFalse(rows.next());
            return totals;
        }
    }

    private static Totals totalsByPath(Warehouse warehouse) {
        Row row = SharedSpark.spark().read().format("delta").load(goldPath(warehouse))
                .selectExpr("count(*)", "CAST(sum(interval_count) AS BIGINT)").head();
        return new Totals(row.getLong(0), row.getLong(1));
    }

    private static String goldPath(Warehouse warehouse) {
        return warehouse.location(Layer.GOLD.table("energy_price_monthly"));
    }

    /** A nightly child with data under root/home, the shared landing zone and an embedded catalog of its own. */
    private LakehouseProcess faultyProcess(String home) {
        return new LakehouseProcess(root.resolve(home), 0).classpathFirst(faultConf)
                .with("lakehouse.landing", landing.toString())
                .with("lakehouse.metastore.mode", "embedded");
    }

    private Warehouse warehouse(String home) {
        return new Warehouse(SharedSpark.spark(), root.resolve(home).resolve("data/warehouse").toUri().toString(), 1);
    }

    private Process start(LakehouseProcess lakehouse, Path log, String... args) {
        Process process = lakehouse.start(log, args);
        children.add(process);
        return process;
    }

    private static Outcome await(Process process, Path log) throws Exception {
        if (!process.waitFor(CHILD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            LakehouseProcess.destroy(process);
            throw new AssertionError("still running after " + CHILD_TIMEOUT + "; log:\n" + LakehouseProcess.tail(log));
        }
        return new Outcome(process.exitValue(), Files.readAllLines(log, StandardCharsets.UTF_8));
    }
}
