package org.telcoai.lakehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.telcoai.lakehouse.testing.LakehouseProcess;
import org.telcoai.lakehouse.testing.Ports;
import org.telcoai.lakehouse.testing.SharedSpark;

/**
 * The analysts' entry points as the separate processes they are: a nightly child builds a small warehouse, 'sql'
 * answers from it, and 'serve' answers a real Hive JDBC client while another nightly child ingests the next
 * delivery into the same warehouse; both reach the catalog through the metastore's Derby network server.
 * Expected values are read by path from the Delta tables in this JVM.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalystAccessProcessTest {

    /** Generous: the machine is shared; a child that hangs is killed rather than waited for forever. */
    private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(30);
    private static final String TOTALS = "SELECT count(*), sum(interval_count) FROM gold.energy_price_monthly";

    private Path home;
    private Path landing;
    private Path warehouse;
    private int metastorePort;
    private LakehouseProcess lakehouse;
    private final List<Process> children = new ArrayList<>();

    private record Totals(long rows, long intervals) { }

    /** History delivered on the 29th, one daily delivery on the 30th: the first night takes only the history. */
    @BeforeAll
    void buildWarehouse() throws Exception {
        home = SharedSpark.newTempDir("analysts-");
        landing = home.resolve("landing");
        warehouse = home.resolve("warehouse");
        metastorePort = Ports.free();
        lakehouse = new LakehouseProcess(home, metastorePort);
        assertEquals(0, LakehouseCli.run("generate", "--landing", landing.toString(), "--scale", "0.002",
                "--years", "2", "--daily-deliveries", "1", "--end-date", "2026-06-30"));
        Path log = home.resolve("nightly-1.log");
        assertEquals(0, lakehouse.run(log, CHILD_TIMEOUT, paths("nightly", "--run-date", "2026-06-29")),
                () -> LakehouseProcess.tail(log));
    }

    @AfterAll
    void stopEverything() throws Exception {
        children.forEach(LakehouseProcess::destroy);
        LakehouseProcess.stopMetastoreServer(metastorePort);
    }

    @Test
    @Order(1)
    void sqlRunsStatementsFromTheCommandLineAndFromAFile() throws Exception {
        Totals expected = totalsByPath();
        String maxMonth = SharedSpark.spark().read().format("delta").load(goldPath())
                .selectExpr("CAST(max(month) AS STRING)").head().getString(0);
        Path script = home.resolve("statements.sql");
        Files.writeString(script, "SELECT max(month) FROM gold.energy_price_monthly;\n"
                + "SELECT * FROM gold.no_such_table;\n"
                + "SELECT 'never reached';\n");
        Path queryLog = home.resolve("sql-e.log");
        Path fileLog = home.resolve("sql-f.log");
        // Side by side: two more processes on the same catalog.
        Process query = start(queryLog, paths("sql", "-S", "-e", TOTALS));
        Process file = start(fileLog, paths("sql", "-S", "-f", script.toString()));

        assertEquals(0, await(query, queryLog), () -> LakehouseProcess.tail(queryLog));
        assertTrue(lines(queryLog).contains(expected.rows() + "\t" + expected.intervals()),
                () -> LakehouseProcess.tail(queryLog));

        assertEquals(1, await(file, fileLog), () -> LakehouseProcess.tail(fileLog));
        List<String> fileOutput = lines(fileLog);
        assertTrue(fileOutput.contains(maxMonth), () -> LakehouseProcess.tail(fileLog));
        assertTrue(fileOutput.stream().anyMatch(l -> l.contains("TABLE_OR_VIEW_NOT_FOUND")
                && l.contains("no_such_table")), () -> LakehouseProcess.tail(fileLog));
        assertFalse(fileOutput.contains("never reached"), () -> LakehouseProcess.tail(fileLog));
    }

    @Test
    @Order(2)
    void serveAnswersJdbcAndShowsTheResultsOfANightlyRunWhileItServes() throws Exception {
        int port = Ports.free();
        Path serveLog = home.resolve("serve.log");
        Process serve = start(serveLog, paths("serve", "--port", Integer.toString(port)));
        String url = "jdbc:hive2://localhost:" + port + "/default";
        try (Connection connection = connect(url, serve, serveLog)) {
            Totals before = totals(connection);
            assertEquals(totalsByPath(), before);

            Path nightlyLog = home.resolve("nightly-2.log");
            assertEquals(0, lakehouse.run(nightlyLog, CHILD_TIMEOUT, paths("nightly", "--run-date", "2026-06-30")),
                    () -> LakehouseProcess.tail(nightlyLog));
            assertTrue(serve.isAlive(), () -> LakehouseProcess.tail(serveLog));

            Totals after = totals(connection);
            assertNotEquals(before, after);
            assertEquals(totalsByPath(), after);
            System.out.printf("JDBC %s before the second nightly: %s, after: %s%n", TOTALS, before, after);
        }
        serve.destroy();
        assertTrue(serve.waitFor(5, TimeUnit.MINUTES), () -> LakehouseProcess.tail(serveLog));
        assertEquals(0, serve.exitValue(), () -> LakehouseProcess.tail(serveLog));
        assertTrue(lines(serveLog).stream().anyMatch(l -> l.contains("JDBC server ready on localhost:" + port)
                && l.endsWith(url)), () -> LakehouseProcess.tail(serveLog));
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
                Thread.sleep(1000);
            }
        }
    }

    private static Totals totals(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(TOTALS)) {
            assertTrue(rows.next());
            Totals totals = new Totals(rows.getLong(1), rows.getLong(2));
            assertFalse(rows.next());
            return totals;
        }
    }

    private Totals totalsByPath() {
        Row row = SharedSpark.spark().read().format("delta").load(goldPath())
                .selectExpr("count(*)", "CAST(sum(interval_count) AS BIGINT)").head();
        return new Totals(row.getLong(0), row.getLong(1));
    }

    private String goldPath() {
        return warehouse.resolve("gold.db").resolve("energy_price_monthly").toString();
    }

    private String[] paths(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--landing", landing.toString(), "--warehouse", warehouse.toString()));
        return all.toArray(String[]::new);
    }

    private Process start(Path log, String... args) {
        Process process = lakehouse.start(log, args);
        children.add(process);
        return process;
    }

    private static int await(Process process, Path log) throws InterruptedException {
        if (!process.waitFor(CHILD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + CHILD_TIMEOUT + "; log:\n" + LakehouseProcess.tail(log));
        }
        return process.exitValue();
    }

    private static List<String> lines(Path log) throws IOException {
        return Files.readAllLines(log);
    }
}
