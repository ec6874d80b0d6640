package org.telcoai.lakehouse.cli;

import java.util.concurrent.CountDownLatch;
import org.apache.hive.service.cli.thrift.ThriftCLIService;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.hive.thriftserver.HiveThriftServer2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telcoai.lakehouse.config.LakehouseConfig;
import org.telcoai.lakehouse.spark.JdbcEndpoint;
import org.telcoai.lakehouse.spark.LakehouseSpark;
import org.telcoai.lakehouse.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Spark Thrift JDBC/ODBC server (HiveServer2 protocol) on the warehouse: beeline, DBeaver or "
            + "any Hive JDBC client queries every table.",
            "Listens on lakehouse.serve.host:lakehouse.serve.port (default localhost:10000) without authentication; "
                + "see the README (Analysts) for putting authentication in front of it.",
            "Tables written by a nightly run while it serves are visible to the next query.",
            "Runs until SIGTERM or Ctrl-C, then stops Spark and exits 0."})
final class ServeCommand extends SparkJob {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--host", paramLabel = "HOST",
            description = "Interface to listen on. Default: lakehouse.serve.host (localhost).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "Port; 0 takes any free port, and the log's "
            + "\"JDBC server ready\" line names it. Default: lakehouse.serve.port (10000).")
    Integer port;

    private JdbcEndpoint endpoint;

    /** A taken port is found before Spark spends half a minute starting. */
    @Override
    void beforeSpark(LakehouseConfig config) {
        endpoint = new JdbcEndpoint(host != null ? host : config.serveHost(),
                port != null ? port : config.servePort());
        endpoint.checkPortFree();
    }

    @Override
    SparkConf configure(SparkConf conf) {
        return endpoint.configure(LakehouseSpark.forJavaTimeSessions(conf));
    }

    @Override
    int run(LakehouseConfig config, SparkSession spark, Warehouse warehouse, String runId) throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        // Handled rather than left to the JVM's shutdown, so the server and Spark stop in order and the exit is 0.
        for (String signal : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(signal), s -> {
                LOG.info("SIG{} received: stopping the JDBC server", s.getName());
                stop.countDown();
            });
        }
        endpoint.configure(spark);
        HiveThriftServer2 server = HiveThriftServer2.startWithContext(spark.sqlContext());
        try {
            JdbcEndpoint bound = endpoint.bound(boundPort(server));
            LOG.info("JDBC server ready on {} (warehouse {}): connect with {}", bound.bindAddress(),
                    warehouse.root(), bound.jdbcUrl());
            stop.await();
        } finally {
            server.stop();
        }
        return 0;
    }

    /** The port the Thrift service listens on: it binds while starting, and for port 0 records the one it got. */
    private static int boundPort(HiveThriftServer2 server) {
        return server.getServices().stream().filter(ThriftCLIService.class::isInstance)
                .map(service -> ((ThriftCLIService) service).getPortNumber()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the JDBC server started without a Thrift service"));
    }

    @Override
    boolean writesData() {
        return false;
    }
}
