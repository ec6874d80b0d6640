package org.telcoai.lakehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.telcoai.lakehouse.pipeline.IngestJob;
import org.telcoai.lakehouse.spark.LakehouseSpark;
import org.telcoai.lakehouse.warehouse.Layer;
import org.telcoai.lakehouse.warehouse.Warehouse;

/**
 * One Delta-enabled SparkSession per test JVM (surefire runs every class in one fork). Starting Spark, Derby and
 * Delta costs seconds, so every Spark test shares it; tests isolate themselves with {@link #resetWarehouse()}.
 *
 * <p>Its settings cut Spark's fixed cost per query on the tests' tiny inputs: one shuffle partition and one task to
 * rebuild a Delta table's state (instead of a task per core for a handful of rows), and no code generation, whose
 * compilation costs more than it saves on a few rows (measured: a three-night ingest and report run 30 % faster).
 * Adaptive execution is off: it runs every shuffle stage as a Spark job of its own, and with one partition there is
 * nothing for it to coalesce (measured: the same three nights ran 1,531 jobs with it, 952 without, and the last two
 * nights took 84 s with it, 67 s without). Joins are never broadcast: a broadcast is a Spark job of its own to
 * collect a table of a few rows (measured on three small nights: 887 jobs with broadcasts, 769 without, and in a
 * fresh JVM 126 s against 113 s). The cluster test and the benchmark keep the production settings.
 */
public final class SharedSpark {

    private static final String DELTA_EXTENSION = "DeltaSparkSessionExtension";
    private static SparkSession spark;
    private static SparkConf conf;
    private static Path root;
    private static String warehouseRoot;
    private static boolean hookAdded;
    /** The version-0 folders of the tables resetWarehouse restores, by table; null until first built. */
    private static Map<String, Path> pristine;

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

    /**
     * An empty warehouse: the tables every job creates first ({@link IngestJob#ensureTables}) empty at version 0, as
     * a first run leaves them, and no other table or view. Creating those tables costs seconds of catalog and Delta
     * work, so they are created once per JVM and later restored by copying their version-0 logs back in place.
     */
    public static synchronized void resetWarehouse() {
        SparkSession session = spark();
        session.catalog().clearCache();
        if (pristine == null || !restorePristineTables(session)) {
            emptyCatalog();
            IngestJob.ensureTables(warehouse());
            pristine = snapshotPristineTables(session);
        }
        // Delta caches table logs by path; a table restored at the same path must not see the old log.
        DeltaLog.clearCache();
    }

    /** Drops every schema the project writes (CASCADE) and deletes their folders: a catalog without any table. */
    public static synchronized void emptyCatalog() {
        SparkSession session = spark();
        session.catalog().clearCache();
        for (Layer layer : Layer.values()) {
            session.sql("DROP DATABASE IF EXISTS " + layer.schema() + " CASCADE");
            // Tables are created with explicit locations (external), so dropping leaves their files.
            deleteRecursively(root.resolve("warehouse").resolve(layer.schema() + ".db"));
        }
        DeltaLog.clearCache();
    }

    /** Tables and views in the project's schemas, by qualified name; empty for a schema that does not exist. */
    private static Set<String> catalogTables(SparkSession session) {
        Set<String> tables = new TreeSet<>();
        Set<String> schemas = new TreeSet<>();
        session.sql("SHOW DATABASES").collectAsList().forEach(row -> schemas.add(row.getString(0)));
        for (Layer layer : Layer.values()) {
            if (schemas.contains(layer.schema())) {
                session.sql("SHOW TABLES IN " + layer.schema()).collectAsList().stream()
                        .filter(row -> !row.getBoolean(2)).forEach(row -> tables.add(layer.table(row.getString(1))));
            }
        }
        return tables;
    }

    private static Map<String, Path> snapshotPristineTables(SparkSession session) {
        Warehouse warehouse = warehouse();
        Path copies = root.resolve("pristine-tables");
        deleteRecursively(copies);
        Map<String, Path> tables = new TreeMap<>();
        for (String table : catalogTables(session)) {
            Path copy = copies.resolve(table);
            copyRecursively(tableFolder(warehouse, table), copy);
            tables.put(table, copy);
        }
        return tables;
    }

    /**
     * Drops the tables and views the last test added and puts the version-0 folders of the pristine tables back;
     * false when a pristine table is missing from the catalog (a test dropped it), so the caller starts over.
     */
    private static boolean restorePristineTables(SparkSession session) {
        Set<String> tables = catalogTables(session);
        if (!tables.containsAll(pristine.keySet())) {
            return false;
        }
        for (String table : tables) {
            if (!pristine.containsKey(table)) {
                dropTableOrView(session, table);
            }
        }
        Warehouse warehouse = warehouse();
        for (Layer layer : Layer.values()) {
            Path schemaFolder = root.resolve("warehouse").resolve(layer.schema() + ".db");
            if (!Files.isDirectory(schemaFolder)) {
                continue;
            }
            try (Stream<Path> folders = Files.list(schemaFolder)) {
                folders.filter(folder -> !pristine.containsKey(layer.table(folder.getFileName().toString())))
                        .forEach(SharedSpark::deleteRecursively);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        pristine.forEach((table, copy) -> {
            Path folder = tableFolder(warehouse, table);
            deleteRecursively(folder);
            copyRecursively(copy, folder);
        });
        return true;
    }

    private static void dropTableOrView(SparkSession session, String table) {
        String schema = table.substring(0, table.indexOf('.'));
        boolean view = session.sql("SHOW VIEWS IN " + schema).collectAsList().stream()
                .anyMatch(row -> table.equals(schema + "." + row.getString(1)));
        session.sql((view ? "DROP VIEW IF EXISTS " : "DROP TABLE IF EXISTS ") + table);
    }

    private static Path tableFolder(Warehouse warehouse, String table) {
        return Path.of(java.net.URI.create(warehouse.location(table)));
    }

    private static void copyRecursively(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void create() {
        try {
            if (root == null) {
                root = Files.createTempDirectory("lakehouse-tests-");
            }
            // Before the first local file system is made and cached: the session's master is local.
            LakehouseSpark.useForklessLocalFileSystem();
            Path warehouseDir = root.resolve("warehouse");
            Files.createDirectories(warehouseDir);
            warehouseRoot = LakehouseSpark.qualify(warehouseDir.toString());
            SparkSession.clearActiveSession();
            SparkSession.clearDefaultSession();
            SparkConf c = new SparkConf()
                    .setMaster("local[2]")
                    .setAppName("telco-ai-lakehouse tests")
                    .set("spark.ui.enabled", "false")
                    .set("spark.sql.shuffle.partitions", "1")
                    .set("spark.default.parallelism", "1")
                    .set("spark.databricks.delta.snapshotPartitions", "1")
                    .set("spark.sql.codegen.wholeStage", "false")
                    .set("spark.sql.codegen.factoryMode", "NO_CODEGEN")
                    .set("spark.sql.adaptive.enabled", "false")
                    .set("spark.sql.autoBroadcastJoinThreshold", "-1")
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
