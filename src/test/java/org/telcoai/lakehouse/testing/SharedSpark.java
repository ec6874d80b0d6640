package org.telcoai.lakehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.telcoai.lakehouse.spark.LakehouseSpark;
import org.telcoai.lakehouse.warehouse.Layer;
import org.telcoai.lakehouse.warehouse.Warehouse;

/**
 * One Delta-enabled SparkSession per test JVM (surefire runs every class in one fork). Starting Spark, Derby and
 * Delta costs seconds, so every Spark test shares it; tests isolate themselves with {@link #resetWarehouse()}.
 */
public final class SharedSpark {

    private static final String DELTA_EXTENSION = "DeltaSparkSessionExtension";
    private static SparkSession spark;
    private static SparkConf conf;
    private static Path root;
    private static String warehouseRoot;
    private static boolean hookAdded;

    private SharedSpark() { }

    /** The shared session; built on first use, and again if someone stopped its context. */
    public static synchronized SparkSession spark() {
        if (spark == null || spark.sparkContext().isStopped()) {
            create();
        }
        return spark;
    }

    /** The Delta-enabled settings the session was built with (a copy). */
    public static synchronized SparkConf conf() {
        spark();
        return conf.clone();
    }

    /** Scheme-qualified warehouse root, equal to spark.sql.warehouse.dir. */
    public static synchronized String warehouseRoot() {
        spark();
        return warehouseRoot;
    }

    /** A scratch folder under the session's temp root (deleted with it at JVM exit). */
    public static synchronized Path newTempDir(String prefix) {
        spark();
        try {
            return Files.createTempDirectory(root, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Warehouse warehouse() {
        return new Warehouse(spark(), warehouseRoot(), 3);
    }

    /** Drops every schema the project writes (CASCADE) and deletes their folders: an empty catalog. */
    public static synchronized void resetWarehouse() {
        SparkSession session = spark();
        session.catalog().clearCache();
        for (Layer layer : Layer.values()) {
            session.sql("DROP DATABASE IF EXISTS " + layer.schema() + " CASCADE");
            // Tables are created with explicit locations (external), so dropping leaves their files.
            deleteRecursively(root.resolve("warehouse").resolve(layer.schema() + ".db"));
        }
        // Delta caches table logs by path; a table later recreated at the same path must not see the old log.
        DeltaLog.clearCache();
    }

    private static void create() {
        try {
            if (root == null) {
                root = Files.createTempDirectory("lakehouse-tests-");
            }
            Path warehouseDir = root.resolve("warehouse");
            Files.createDirectories(warehouseDir);
            warehouseRoot = LakehouseSpark.qualify(warehouseDir.toString());
            SparkSession.clearActiveSession();
            SparkSession.clearDefaultSession();
            SparkConf c = new SparkConf()
                    .setMaster("local[2]")
                    .setAppName("telco-ai-lakehouse tests")
                    .set("spark.ui.enabled", "false")
                    .set("spark.sql.shuffle.partitions", "2")
                    .set("spark.default.parallelism", "2")
                    .set("spark.databricks.delta.snapshotPartitions", "2")
                    .set("spark.sql.adaptive.enabled", "true")
                    .set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1");
            LakehouseSpark.lakehouseConf(c, warehouseRoot, root.resolve("metastore").toString());
            conf = c;
            spark = SparkSession.builder().config(c).enableHiveSupport().getOrCreate();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String extensions = spark.conf().get("spark.sql.extensions", "");
        String catalog = spark.conf().get("spark.sql.catalog.spark_catalog", "");
        if (!extensions.contains(DELTA_EXTENSION) || !catalog.contains("DeltaCatalog")) {
            throw new IllegalStateException("the shared SparkSession has no Delta support (spark.sql.extensions='"
                    + extensions + "', spark_catalog='" + catalog + "'): a session created elsewhere without "
                    + "LakehouseSpark.lakehouseConf was reused by getOrCreate");
        }
        if (!warehouseRoot.equals(spark.conf().get("spark.sql.warehouse.dir"))) {
            throw new IllegalStateException("reused session has warehouse " + spark.conf().get(
                    "spark.sql.warehouse.dir") + ", expected " + warehouseRoot);
        }
        if (!hookAdded) {
            hookAdded = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                synchronized (SharedSpark.class) {
                    if (spark != null) {
                        spark.stop();
                    }
                    deleteRecursively(root);
                }
            }, "shared-spark-stop"));
        }
    }

    public static void deleteRecursively(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
