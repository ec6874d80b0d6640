package org.telcoai.lakehouse.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telcoai.lakehouse.config.LakehouseConfig;

/**
 * Builds the job's SparkSession. The master comes from spark-submit or -Dspark.master (the local launcher sets
 * local[*]), never from code, so the same jar runs on a laptop and on a cluster.
 */
public final class LakehouseSpark {

    private static final Logger LOG = LoggerFactory.getLogger(LakehouseSpark.class);

    private LakehouseSpark() { }

    /** Settings every session of this project needs, whoever creates it (the job or a test). */
    public static SparkConf lakehouseConf(SparkConf conf, String warehouse, String metastoreDir) {
        conf.set("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
        conf.set("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
        conf.set("spark.sql.catalogImplementation", "hive");
        conf.set("spark.sql.warehouse.dir", warehouse);
        // Quarters, months and FX dates are calendar periods in UTC, whatever the machine's zone.
        conf.set("spark.sql.session.timeZone", "UTC");
        if (!conf.contains("spark.hadoop.hive.metastore.uris") && metastoreDir != null) {
            conf.set("spark.hadoop.javax.jdo.option.ConnectionURL",
                    "jdbc:derby:;databaseName=" + metastoreDir + "/metastore_db;create=true");
            new java.io.File(metastoreDir).mkdirs();
            System.setProperty("derby.stream.error.file", metastoreDir + "/derby.log");
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        return conf;
    }

    public static SparkSession create(LakehouseConfig config, String appName) {
        String warehouse = qualify(config.warehouse());
        SparkConf conf = new SparkConf().setAppName("telco-ai-lakehouse " + appName);
        if (!conf.contains("spark.master")) {
            throw new IllegalStateException("spark.master is not set: run through jobs/lakehouse (local) or "
                    + "jobs/lakehouse-submit (cluster), or pass -Dspark.master=local[*]");
        }
        String metastore = metastoreDir(config, warehouse, conf);
        lakehouseConf(conf, warehouse, metastore);
        LOG.info("Starting Spark (master {}), warehouse {}, metastore {}", conf.get("spark.master"), warehouse,
                metastore == null ? "hive.metastore.uris" : metastore);
        return SparkSession.builder().config(conf).enableHiveSupport().getOrCreate();
    }

    /** Absolute, scheme-qualified form of a path, so tables are registered with absolute locations. */
    public static String qualify(String path) {
        try {
            Path p = new Path(path);
            return p.getFileSystem(new Configuration()).makeQualified(p).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + path, e);
        }
    }

    static String metastoreDir(LakehouseConfig config, String qualifiedWarehouse, SparkConf conf) {
        if (!config.metastoreDir().isBlank()) {
            return new java.io.File(config.metastoreDir()).getAbsolutePath();
        }
        if (qualifiedWarehouse.startsWith("file:")) {
            return new java.io.File(java.net.URI.create(qualifiedWarehouse)).getAbsolutePath() + "/_metastore";
        }
        if (conf.contains("spark.hadoop.hive.metastore.uris")) {
            return null;
        }
        throw new IllegalStateException("warehouse " + qualifiedWarehouse + " is not a local folder: set "
                + "lakehouse.metastore-dir (a local folder for the embedded Derby metastore) or "
                + "spark.hadoop.hive.metastore.uris (a shared Hive metastore)");
    }
}
