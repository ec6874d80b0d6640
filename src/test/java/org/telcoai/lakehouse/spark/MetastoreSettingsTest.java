package org.telcoai.lakehouse.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telcoai.lakehouse.config.LakehouseConfig;
import org.telcoai.lakehouse.testing.SharedSpark;

/** How the configuration becomes the catalog's JDBC settings and the JDBC server's address; no processes. */
class MetastoreSettingsTest {

    @TempDir
    Path tmp;

    private LakehouseConfig config(String hocon) throws IOException {
        Path file = tmp.resolve("application.conf");
        Files.writeString(file, hocon);
        return LakehouseConfig.load(file.toFile()).withPaths(null, tmp.resolve("wh").toString());
    }

    private static String warehouseOf(LakehouseConfig config) {
        return LakehouseSpark.qualify(config.warehouse());
    }

    @Test
    void defaultIsTheDerbyServerOnLoopbackWithTheCatalogInTheWarehouse() throws IOException {
        LakehouseConfig config = config("");
        Metastore metastore = LakehouseSpark.metastore(config, warehouseOf(config), new SparkConf(false));
        String dir = tmp.resolve("wh").toAbsolutePath() + "/_metastore";
        assertEquals(new Metastore(Metastore.Mode.SERVER, dir, 1527), metastore);
        assertEquals("jdbc:derby://127.0.0.1:1527/" + dir + "/metastore_db;create=true", metastore.jdbcUrl());
        assertTrue(metastore.jdbcUrl().startsWith("jdbc:derby://127.0.0.1:1527//"), metastore.jdbcUrl());
        assertEquals("org.apache.derby.jdbc.ClientDriver", metastore.driverClass());
    }

    @Test
    void embeddedModeUsesTheSameDatabaseFolder() throws IOException {
        LakehouseConfig config = config("lakehouse.metastore { mode = EMBEDDED, port = 1600 }\n"
                + "lakehouse.metastore-dir = \"" + tmp.resolve("ms") + "\"");
        Metastore metastore = LakehouseSpark.metastore(config, warehouseOf(config), new SparkConf(false));
        assertEquals(Metastore.Mode.EMBEDDED, metastore.mode());
        assertEquals("jdbc:derby:;databaseName=" + tmp.resolve("ms") + "/metastore_db;create=true",
                metastore.jdbcUrl());
        assertEquals("org.apache.derby.jdbc.EmbeddedDriver", metastore.driverClass());
    }

    @Test
    void sharedHiveMetastoreNeedsNoDerby() throws IOException {
        LakehouseConfig config = config("");
        SparkConf conf = new SparkConf(false).set("spark.hadoop.hive.metastore.uris", "thrift://hms:9083");
        assertNull(LakehouseSpark.metastore(config, warehouseOf(config), conf));
        LakehouseSpark.lakehouseConf(conf, "file:/wh", (Metastore) null);
        assertFalse(conf.contains("spark.hadoop.javax.jdo.option.ConnectionURL"));
    }

    @Test
    void serverModeSparkConfPointsTheHiveClientAtTheServer() {
        Metastore metastore = new Metastore(Metastore.Mode.SERVER, tmp.resolve("ms").toString(), 1999);
        SparkConf conf = LakehouseSpark.lakehouseConf(new SparkConf(false), "file:/wh", metastore);
        assertEquals(metastore.jdbcUrl(), conf.get("spark.hadoop.javax.jdo.option.ConnectionURL"));
        assertEquals("org.apache.derby.jdbc.ClientDriver",
                conf.get("spark.hadoop.javax.jdo.option.ConnectionDriverName"));
        assertEquals("false", LakehouseSpark.forJavaTimeSessions(conf)
                .get("spark.databricks.delta.optimizeMetadataQuery.enabled"));
    }

    @Test
    void badModeOrPortIsAUsageError() throws IOException {
        LakehouseConfig config = config("lakehouse.metastore.mode = shared");
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class,
                () -> LakehouseSpark.metastore(config, warehouseOf(config), new SparkConf(false)));
        assertEquals("lakehouse.metastore.mode must be server or embedded, not 'shared'", mode.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Metastore(Metastore.Mode.SERVER, "/m", 0));
    }

    @Test
    void jdbcServerListensOnLocalhostPort10000ByDefault() throws IOException {
        LakehouseConfig config = config("");
        JdbcEndpoint endpoint = new JdbcEndpoint(config.serveHost(), config.servePort());
        assertEquals("localhost:10000", endpoint.bindAddress());
        assertEquals("jdbc:hive2://localhost:10000/default", endpoint.jdbcUrl());
        assertEquals("jdbc:hive2://[::1]:10001/default", new JdbcEndpoint("::1", 10001).jdbcUrl());
        assertTrue(InetAddress.getByName(endpoint.host()).isLoopbackAddress());
    }

    @Test
    void emptyHostWouldMeanEveryInterfaceAndIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new JdbcEndpoint(" ", 10000));
        assertThrows(IllegalArgumentException.class, () -> new JdbcEndpoint("localhost", 70000));
        assertThrows(IllegalArgumentException.class, () -> new JdbcEndpoint("localhost", -1));
    }

    @Test
    void portZeroAsksForAnyFreePortAndTheUrlNamesTheOneBound() {
        JdbcEndpoint any = new JdbcEndpoint("127.0.0.1", 0);
        assertEquals("jdbc:hive2://127.0.0.1:41234/default", any.bound(41234).jdbcUrl());
        assertEquals("127.0.0.1:41234", any.bound(41234).bindAddress());
    }

    @Test
    void takenPortIsReportedInOneLine() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            JdbcEndpoint endpoint = new JdbcEndpoint("127.0.0.1", taken.getLocalPort());
            IllegalStateException error = assertThrows(IllegalStateException.class, endpoint::checkPortFree);
            assertTrue(error.getMessage().startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort()),
                    error.getMessage());
            assertEquals(1, error.getMessage().lines().count());
        }
    }

    @Test
    void thriftServerReadsHostAndPortFromTheSession() {
        SparkSession session = SharedSpark.spark().newSession();
        new JdbcEndpoint("localhost", 10123).configure(session);
        assertEquals("localhost", session.conf().get("hive.server2.thrift.bind.host"));
        assertEquals("10123", session.conf().get("hive.server2.thrift.port"));
        assertEquals("10123", session.sessionState().newHadoopConf().get("hive.server2.thrift.port"));
    }
}
