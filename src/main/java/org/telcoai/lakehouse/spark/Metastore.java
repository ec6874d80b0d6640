package org.telcoai.lakehouse.spark;

import java.util.Locale;
import org.apache.spark.SparkConf;

/**
 * The catalog of a local warehouse: one Derby database, {@code <dir>/metastore_db}, opened either inside the job's
 * JVM (embedded: one process at a time) or by the Derby network server on 127.0.0.1:{@code port}, which any number
 * of processes share. Both modes use the same folder, so a warehouse moves between them unchanged; Derby's lock
 * file keeps an embedded job and the server from opening it at once.
 */
public record Metastore(Mode mode, String dir, int port) {

    public enum Mode {
        SERVER, EMBEDDED;

        public static Mode parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("lakehouse.metastore.mode must be server or embedded, not '"
                        + value + "'");
            }
        }
    }

    public Metastore {
        if (mode == Mode.SERVER && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("lakehouse.metastore.port must be in 1..65535, not " + port);
        }
    }

    public static Metastore embedded(String dir) {
        return new Metastore(Mode.EMBEDDED, dir, 0);
    }

    public String database() {
        return dir + "/metastore_db";
    }

    /** The JDBC URL DataNucleus opens; {@code create=true} makes a fresh warehouse's catalog on first use. */
    public String jdbcUrl() {
        return switch (mode) {
            case EMBEDDED -> "jdbc:derby:;databaseName=" + database() + ";create=true";
            // The path after host:port/ is the database name, so an absolute path gives a double slash.
            case SERVER -> "jdbc:derby://" + DerbyServer.HOST + ":" + port + "/" + database() + ";create=true";
        };
    }

    public String driverClass() {
        return mode == Mode.EMBEDDED ? "org.apache.derby.jdbc.EmbeddedDriver" : "org.apache.derby.jdbc.ClientDriver";
    }

    /** Points the Hive client of a SparkConf at this catalog. */
    void configure(SparkConf conf) {
        conf.set("spark.hadoop.javax.jdo.option.ConnectionURL", jdbcUrl());
        conf.set("spark.hadoop.javax.jdo.option.ConnectionDriverName", driverClass());
    }

    public String describe() {
        return mode == Mode.EMBEDDED ? "embedded Derby " + database()
                : "Derby server " + DerbyServer.HOST + ":" + port + " " + database();
    }
}
