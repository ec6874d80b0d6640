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

    /** Hadoop settings that name {@link ForklessLocalFileSystem} for file: paths. */
    private static final String FORKLESS_RESOURCE = "org/telcoai/lakehouse/spark/forkless-local-fs.xml";
    private static boolean forkless;

    private LakehouseSpark() { }

    /** Settings every session of this project needs, whoever creates it (the job or a test). */
    public static SparkConf lakehouseConf(SparkConf conf, String warehouse, String metastoreDir) {
        return lakehouseConf(conf, warehouse, metastoreDir == null ? null : Metastore.embedded(metastoreDir));
    }

    /** As above with the catalog given; {@code null} when spark.hadoop.hive.metastore.uris names one. */
    public static SparkConf lakehouseConf(SparkConf conf, String warehouse, Metastore metastore) {
        conf.set("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
        conf.set("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
        conf.set("spark.sql.catalogImplementation", "hive");
        conf.set("spark.sql.warehouse.dir", warehouse);
        // Quarters, months and FX dates are calendar periods in UTC, whatever the machine's zone.
        conf.set("spark.sql.session.timeZone", "UTC");
        if (!conf.contains("spark.hadoop.hive.metastore.uris") && metastore != null) {
            metastore.configure(conf);
            new java.io.File(metastore.dir()).mkdirs();
            // Embedded Derby (the catalog, or the JDBC server's scratch catalog) logs here, not in the working folder.
            System.setProperty("derby.stream.error.file", metastore.dir() + "/derby.log");
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        // Measured in docs/benchmarks.md: Delta rebuilds a table's state with 50 tasks by default, and every commit
        // of a night needs a fresh state; the project's tables hold hundreds of files, not millions, so a few tasks
        // do it without 50 tasks' scheduling per commit.
        conf.setIfMissing("spark.databricks.delta.snapshotPartitions", "4");
        // VACUUM lists a table's folders with this many tasks (Spark's default 10,000): ten thousand tasks for a table
        // of a few hundred files took minutes per table on 2 cores. A cluster with huge tables may raise it.
        conf.setIfMissing("spark.sql.sources.parallelPartitionDiscovery.parallelism", "32");
        // Lets adaptive execution shrink the partitions of cached plans too (a small validated batch, a report
        // counted after writing), instead of one task per configured shuffle partition.
        conf.setIfMissing("spark.sql.optimizer.canChangeCachedPlanOutputPartitioning", "true");
        return conf;
    }

    /**
     * Makes {@link ForklessLocalFileSystem} the local file system of every Hadoop configuration in this JVM, present
     * and future, unless a core-site.xml names another one. Hadoop caches one local file system per JVM, made by
     * whoever asks first, so call this before anything touches a local file. Not for clusters: there an executor may
     * need a file system before the job's jar is on its classpath.
     */
    public static synchronized void useForklessLocalFileSystem() {
        if (forkless) {
            return;
        }
        Configuration site = new Configuration();
        if (site.get("fs.file.impl") == null
                && "org.apache.hadoop.fs.local.LocalFs".equals(site.get("fs.AbstractFileSystem.file.impl"))) {
            Configuration.addDefaultResource(FORKLESS_RESOURCE);
        }
        forkless = true;
    }

    public static SparkSession create(SparkConf conf) {
        return SparkSession.builder().config(conf).enableHiveSupport().getOrCreate();
    }

    /**
     * For Spark's SQL shell and JDBC server, whose sessions return dates as java.time values: Delta 3.3 answers
     * MIN/MAX of a DATE column from table statistics with a cast to java.sql.Date that then fails
     * (delta-io/delta#4201), so such queries read the data instead.
     */
    public static SparkConf forJavaTimeSessions(SparkConf conf) {
        return conf.set("spark.databricks.delta.optimizeMetadataQuery.enabled", "false");
    }

    /**
     * The job's complete SparkConf, for a session built here or by Spark's own SQL shell. In server mode this
     * starts the metastore's Derby network server when none answers yet.
     */
    public static SparkConf conf(LakehouseConfig config, String appName) throws IOException {
        SparkConf conf = new SparkConf().setAppName("telco-ai-lakehouse " + appName);
        if (!conf.contains("spark.master")) {
            throw new IllegalStateException("spark.master is not set: run through jobs/lakehouse (local) or "
                    + "jobs/lakehouse-submit (cluster), or pass -Dspark.master=local[*]");
        }
        if (conf.get("spark.master").startsWith("local")) {
            useForklessLocalFileSystem();
        }
        String warehouse = qualify(config.warehouse());
        Metastore metastore = metastore(config, warehouse, conf);
        // A session already running in this JVM (a test's) is what getOrCreate returns: it keeps its own catalog.
        scala.Option<SparkSession> running = SparkSession.getDefaultSession();
        boolean reused = running.isDefined() && !running.get().sparkContext().isStopped();
        if (metastore != null && metastore.mode() == Metastore.Mode.SERVER && !reused) {
            new DerbyServer(metastore.port()).ensureRunning(java.nio.file.Path.of(metastore.dir()),
                    config.metastoreStartTimeout());
        }
        lakehouseConf(conf, warehouse, metastore);
        LOG.info("Spark (master {}), warehouse {}, metastore {}", conf.get("spark.master"), warehouse,
                metastore == null ? "hive.metastore.uris" : metastore.describe());
        return conf;
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

    /** The warehouse's Derby catalog, or null when spark.hadoop.hive.metastore.uris names a shared one. */
    public static Metastore metastore(LakehouseConfig config, String qualifiedWarehouse, SparkConf conf) {
        String dir = metastoreDir(config, qualifiedWarehouse, conf);
        if (dir == null || conf.contains("spark.hadoop.hive.metastore.uris")) {
            return null;
        }
        return new Metastore(Metastore.Mode.parse(config.metastoreMode()), dir, config.metastorePort());
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
