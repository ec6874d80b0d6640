package org.telcoai.lakehouse.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telcoai.lakehouse.testing.Ports;

/** The metastore's Derby network server as a real background JVM, on a free port per test. */
class DerbyServerTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    Path tmp;

    private DerbyServer server;

    @AfterEach
    void stopServer() throws Exception {
        if (server == null) {
            return;
        }
        try {
            if (server.probe() == DerbyServer.State.RUNNING) {
                server.stop();
            }
        } finally {
            for (long pid : server.processes()) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    @Test
    void twoJobsStartingAtOnceShareOneServerThatKeepsAnEmbeddedCatalog() throws Exception {
        // A catalog made by the embedded metastore, as an existing warehouse has it.
        Path dir = tmp.resolve("_metastore");
        Metastore embedded = Metastore.embedded(dir.toString());
        try (Connection connection = DriverManager.getConnection(embedded.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE dbs (name VARCHAR(20))");
            statement.execute("INSERT INTO dbs VALUES ('gold')");
        }
        shutdownEmbedded(embedded);

        server = new DerbyServer(Ports.free());
        ExecutorService jobs = Executors.newFixedThreadPool(2);
        try {
            Callable<Void> start = () -> {
                server.ensureRunning(dir, TIMEOUT);
                return null;
            };
            List<Future<Void>> started = jobs.invokeAll(List.of(start, start));
            for (Future<Void> job : started) {
                job.get();
            }
        } finally {
            jobs.shutdownNow();
        }
        assertEquals(DerbyServer.State.RUNNING, server.probe());
        assertTrue(Files.isRegularFile(dir.resolve(DerbyServer.LOG_FILE)));

        Metastore shared = new Metastore(Metastore.Mode.SERVER, dir.toString(), server.port());
        try (Connection connection = DriverManager.getConnection(shared.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM dbs")) {
            assertTrue(rows.next());
            assertEquals("gold", rows.getString(1));
            assertFalse(rows.next());
        }
        // While the server holds the database, an embedded open is refused by Derby's lock, not shared.
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                embedded.jdbcUrl()).close());
        assertTrue(sqlStates(refused).contains("XSDB6"), refused.toString());

        assertTrue(server.stop());
        assertEquals(DerbyServer.State.NOT_LISTENING, server.probe());
        assertFalse(server.stop());
    }

    @Test
    void freshCatalogIsCreatedThroughTheServer() throws Exception {
        server = new DerbyServer(Ports.free());
        Path dir = tmp.resolve("fresh");
        server.ensureRunning(dir, TIMEOUT);
        assertEquals(1, server.processes().size());
        Metastore metastore = new Metastore(Metastore.Mode.SERVER, dir.toString(), server.port());
        try (Connection connection = DriverManager.getConnection(metastore.jdbcUrl())) {
            assertEquals("Apache Derby", connection.getMetaData().getDatabaseProductName());
        }
        assertTrue(Files.isDirectory(dir.resolve("metastore_db")));
    }

    @Test
    void portTakenByAnotherProgramIsAOneLineErrorAndStartsNothing() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getByName(DerbyServer.HOST))) {
            Thread answerAndHangUp = new Thread(() -> {
                while (!other.isClosed()) {
                    try {
                        other.accept().close();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            answerAndHangUp.setDaemon(true);
            answerAndHangUp.start();
            server = new DerbyServer(other.getLocalPort());
            assertEquals(DerbyServer.State.OTHER_PROGRAM, server.probe());
            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> server.ensureRunning(tmp.resolve("ms"), TIMEOUT));
            assertEquals("port " + other.getLocalPort() + " on 127.0.0.1 is in use by a program that is not a "
                    + "Derby network server: set lakehouse.metastore.port to a free port (or "
                    + "lakehouse.metastore.mode = embedded)", error.getMessage());
            assertEquals(List.of(), server.processes());
            assertFalse(Files.exists(tmp.resolve("ms")));
        }
    }

    private static void shutdownEmbedded(Metastore embedded) {
        try {
            DriverManager.getConnection("jdbc:derby:;databaseName=" + embedded.database() + ";shutdown=true");
        } catch (SQLException expected) {
            // Derby reports a clean database shutdown as SQLState 08006.
            assertEquals("08006", expected.getSQLState(), expected.toString());
        }
    }

    /** Derby wraps the reason in causes and chained exceptions. */
    private static java.util.Set<String> sqlStates(SQLException error) {
        java.util.Set<String> states = new java.util.HashSet<>();
        for (SQLException e = error; e != null; e = e.getNextException()) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && sql.getSQLState() != null) {
                    states.add(sql.getSQLState());
                }
            }
        }
        return states;
    }
}
