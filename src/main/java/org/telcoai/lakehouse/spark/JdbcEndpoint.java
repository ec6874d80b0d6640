package org.telcoai.lakehouse.spark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import org.apache.spark.sql.SparkSession;

/**
 * Where the Spark Thrift (HiveServer2) JDBC server of {@code serve} listens, and the URL clients use. Port 0 asks for
 * any free port: the server binds it and the log names it, so a script or test never picks a port that another
 * process may take before the server binds it.
 */
public record JdbcEndpoint(String host, int port) {

    public JdbcEndpoint {
        // HiveServer2 reads an empty bind host as every interface: that must be asked for, never a default.
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the JDBC server's host must not be empty (0.0.0.0 listens on every "
                    + "interface)");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the JDBC server's port must be in 0..65535 (0: any free port), not "
                    + port);
        }
    }

    /** The same host on the port the server bound: the one asked for, or the free port it got for 0. */
    public JdbcEndpoint bound(int actualPort) {
        return new JdbcEndpoint(host, actualPort);
    }

    public String bindAddress() {
        return host + ":" + port;
    }

    /** The Hive JDBC URL of the default database; a wildcard bind is reached through this machine's name. */
    public String jdbcUrl() {
        return "jdbc:hive2://" + urlHost() + ":" + port + "/default";
    }

    private String urlHost() {
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            try {
                return InetAddress.getLocalHost().getCanonicalHostName();
            } catch (UnknownHostException e) {
                return "localhost";
            }
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** Binding fails later inside HiveServer2 with a long trace; a clear line first is kinder. */
    public void checkPortFree() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + bindAddress() + " (" + e.getMessage() + "): choose "
                    + "another port with --port or lakehouse.serve.port");
        }
    }

    /**
     * The host and port in the Hadoop configuration the session is built with, where the Thrift server's HiveConf
     * always finds them (a runtime SQL setting alone was seen ignored: the server then took *:10000).
     */
    public org.apache.spark.SparkConf configure(org.apache.spark.SparkConf conf) {
        return conf.set("spark.hadoop.hive.server2.thrift.bind.host", host)
                .set("spark.hadoop.hive.server2.thrift.port", Integer.toString(port))
                .set("spark.hadoop.hive.server2.transport.mode", "binary");
    }

    /** HiveThriftServer2.startWithContext also reads its host and port from the session's configuration. */
    public void configure(SparkSession spark) {
        spark.conf().set("hive.server2.thrift.bind.host", host);
        spark.conf().set("hive.server2.thrift.port", Integer.toString(port));
        spark.conf().set("hive.server2.transport.mode", "binary");
    }
}
