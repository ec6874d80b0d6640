package org.telcoai.lakehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.telcoai.lakehouse.cli.LakehouseCliTest.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telcoai.lakehouse.cli.LakehouseCliTest.Outcome;

/** Usage errors and failures of sql, serve and metastore that are found before Spark or a Derby server starts. */
class AnalystCommandsTest {

    @TempDir
    Path tmp;

    private String warehouse() {
        return tmp.resolve("warehouse").toString();
    }

    @Test
    void helpListsTheAnalystCommands() {
        String help = run("--help").out();
        for (String command : List.of("sql", "serve", "metastore")) {
            assertTrue(help.lines().anyMatch(l -> l.trim().startsWith(command + " ")), command + " in\n" + help);
        }
        assertTrue(run("serve", "--help").out().contains("localhost:10000"));
    }

    @Test
    void sqlWithBothQueryAndFileOrAnUnreadableFileIsUsageError() {
        Outcome both = run("sql", "-e", "SELECT 1", "-f", "x.sql", "--warehouse", warehouse());
        assertEquals(2, both.code(), both.err());
        assertEquals(List.of("error: give either -e or -f, not both"), both.errLines());
        Path missing = tmp.resolve("missing.sql");
        Outcome noFile = run("sql", "-f", missing.toString(), "--warehouse", warehouse());
        assertEquals(2, noFile.code(), noFile.err());
        assertEquals(List.of("error: cannot read " + missing), noFile.errLines());
        assertTrue(Files.notExists(tmp.resolve("warehouse")), "no warehouse/metastore for a usage error");
    }

    @Test
    void servePortOutOfRangeIsUsageError() {
        Outcome outcome = run("serve", "--port", "70000", "--warehouse", warehouse());
        assertEquals(2, outcome.code(), outcome.err());
        assertEquals(List.of("error: the JDBC server's port must be in 0..65535 (0: any free port), not 70000"),
                outcome.errLines());
    }

    @Test
    void serveOnATakenPortFailsInOneLineBeforeSpark() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            Outcome outcome = run("serve", "--host", "127.0.0.1", "--port", Integer.toString(port),
                    "--warehouse", warehouse());
            assertEquals(1, outcome.code(), outcome.err());
            assertEquals(1, outcome.errLines().size(), outcome.err());
            String line = outcome.errLines().get(0);
            assertTrue(line.startsWith("error: cannot listen on 127.0.0.1:" + port + " ("), line);
            assertTrue(line.endsWith("): choose another port with --port or lakehouse.serve.port"), line);
            assertTrue(Files.notExists(tmp.resolve("warehouse")), "Spark never started");
        }
    }

    @Test
    void metastoreStatusWithoutServerExitsOneAndStopHasNothingToDo() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path config = tmp.resolve("application.conf");
        Files.writeString(config, "lakehouse.metastore.port = " + port + "\n");
        Outcome status = run("metastore", "status", "--config", config.toString());
        assertEquals(1, status.code(), status.err());
        assertEquals(List.of("error: no metastore server on 127.0.0.1:" + port), status.errLines());
        Outcome stop = run("metastore", "stop", "--config", config.toString());
        assertEquals(0, stop.code(), stop.err());
        assertEquals("no metastore server on 127.0.0.1:" + port, stop.out().trim());
        Outcome bare = run("metastore");
        assertEquals(2, bare.code());
        assertEquals(List.of("error: missing subcommand: metastore start|stop|status (see: lakehouse metastore "
                + "--help)"), bare.errLines());
    }
}
