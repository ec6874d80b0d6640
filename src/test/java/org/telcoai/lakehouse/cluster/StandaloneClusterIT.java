package org.telcoai.lakehouse.cluster;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telcoai.lakehouse.gold.GoldReport;
import org.telcoai.lakehouse.gold.GoldReports;
import org.telcoai.lakehouse.ops.JobRuns;
import org.telcoai.lakehouse.testing.LakehouseProcess;
import org.telcoai.lakehouse.testing.SharedSpark;
import org.telcoai.lakehouse.testing.SmallDeliveries;
import org.telcoai.lakehouse.testing.StandaloneCluster;
import org.telcoai.lakehouse.warehouse.Layer;
import org.telcoai.lakehouse.warehouse.Warehouse;

/**
 * The packaged jars on a real Spark standalone cluster: a Master and two one-core Workers on 127.0.0.1, each a JVM
 * of its own, run from a Spark home of the project's Maven dependencies, with the landing zone and the warehouse on
 * HDFS (a NameNode and a DataNode in this JVM). {@code jobs/lakehouse-submit} submits the nightly job with the
 * cluster jar, Delta coming with --packages as the cluster has none. While its tasks run on executors, one Worker
 * is killed (SIGKILL). The run must still succeed, with gold tables and exports equal to those of
 * {@code jobs/lakehouse} run locally (local folders) on the same deliveries, and record itself in ops.job_runs.
 * Runs in {@code mvn verify}, after the jars are packaged.
 */
class StandaloneClusterIT {

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneClusterIT.class);
    /** The history delivery and a daily one that restates capex, corrects a shipment and re-sends a price. */
    private static final String RUN_DATE = SmallDeliveries.DAY_1.toString();
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(20);
    private static final Pattern WORKER_UI_PORT = Pattern.compile("http://[^:/]+:(\\d+)/logPage");
    /** Few partitions, as the data are small: fewer tasks per stage on two one-core executors. */
    private static final Map<String, String> SMALL_DATA = Map.of(
            "spark.sql.shuffle.partitions", "2",
            "spark.databricks.delta.snapshotPartitions", "2");

    private static Path root;
    private static Path landing;
    private static MiniDFSCluster hdfs;
    private static String hdfsRoot;
    private static StandaloneCluster cluster;
    private static Process localRun;
    private static Process submitted;
    private static int submitExit;
    private static StandaloneCluster.Worker killedWorker;
    private static String killedExecutor;
    private static Path submitLog;

    @BeforeAll
    static void runLocallyAndOnTheCluster() throws Exception {
        root = SharedSpark.newTempDir("cluster-");
        landing = root.resolve("landing");
        SmallDeliveries.write(landing);

        // The local run goes side by side with the cluster run: both spend much of their time waiting on
        // commits and process starts, so together they take less than one after the other.
        Path localLog = root.resolve("local.log");
        localRun = startLocalRun(localLog);

        hdfs = startHdfs(root.resolve("hdfs"));
        hdfsRoot = hdfs.getURI().toString();
        hdfs.getFileSystem().copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(landing.toUri()),
                new org.apache.hadoop.fs.Path(hdfsRoot + "/landing"));

        cluster = StandaloneCluster.start(root.resolve("cluster"), Path.of("target/lib"), 2, 1, "1g");
        Path properties = root.resolve("test-cluster.conf");
        Files.createDirectories(root.resolve("events"));
        StringBuilder lines = new StringBuilder()
                .append("spark.executor.cores 1\n")
                .append("spark.executor.memory 640m\n")
                .append("spark.driver.host 127.0.0.1\n")
                .append("spark.ui.enabled true\n")
                // Any free port: the driver binds it, and the Master's page links to it.
                .append("spark.ui.port 0\n")
                .append("spark.eventLog.enabled true\n")
                .append("spark.eventLog.dir ").append(root.resolve("events").toUri()).append('\n')
                // --packages resolves Delta through Ivy (from the local Maven repository, where the build put it);
                // its cache goes here rather than into ~/.ivy2.
                .append("spark.jars.ivy ").append(root.resolve("ivy")).append('\n');
        SMALL_DATA.forEach((key, value) -> lines.append(key).append(' ').append(value).append('\n'));
        Files.writeString(properties, lines);

        submitLog = root.resolve("submit.log");
        ProcessBuilder submit = new ProcessBuilder("jobs/lakehouse-submit", "--master", cluster.masterUrl(),
                "--", "nightly", "--run-date", RUN_DATE)
                .redirectErrorStream(true).redirectOutput(submitLog.toFile());
        Map<String, String> env = lakehouseEnvironment(submit, "submitted");
        env.put("LAKEHOUSE_LANDING", hdfsRoot + "/landing");
        env.put("LAKEHOUSE_WAREHOUSE", hdfsRoot + "/warehouse");
        // The catalog stays a local folder on the driver's machine; only the tables' files are on HDFS.
        env.put("LAKEHOUSE_METASTORE_DIR", root.resolve("submitted/metastore").toString());
        env.putAll(cluster.environment());
        env.put("LAKEHOUSE_SPARK_CONF", Path.of("conf/cluster/standalone.conf").toAbsolutePath() + ":" + properties);
        env.put("LAKEHOUSE_DRIVER_MEMORY", "1g");
        submitted = submit.start();
        submitted.getOutputStream().close();

        killAWorkerWhileItsExecutorRunsATask();
        submitExit = awaitExit(submitted, "the cluster run", submitLog);
        assertEquals(0, awaitExit(localRun, "the local run", localLog), () -> LakehouseProcess.tail(localLog));
    }

    private static int awaitExit(Process process, String what, Path log) throws InterruptedException {
        if (!process.waitFor(JOB_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(what + " is still running after " + JOB_TIMEOUT + ":\n"
                    + LakehouseProcess.tail(log));
        }
        return process.exitValue();
    }

    @AfterAll
    static void stopEverything() {
        LakehouseProcess.destroy(localRun);
        LakehouseProcess.destroy(submitted);
        if (cluster != null) {
            cluster.close();
        }
        if (hdfs != null) {
            hdfs.shutdown();
        }
    }

    @Test
    void theNightlyRunSucceedsOnTheClusterAfterLosingAWorkerMidStage() {
        assertEquals(0, submitExit, () -> LakehouseProcess.tail(submitLog));
        assertFalse(killedWorker.process().isAlive(), "worker " + killedWorker.number() + " still runs");
    }

    @Test
    void tasksRanInExecutorsOnBothWorkersAndTheKilledWorkersExecutorWasLost() throws IOException {
        EventLog events = EventLog.read(root.resolve("events"));
        LOG.info("Cluster run: {} executors added on workers with UI ports {}, executors removed {}, "
                + "failed tasks {}, stage attempts resubmitted {}", events.executorsAdded.size(),
                events.workerPortsOfExecutors.values(), events.executorsRemoved, events.failedTasks,
                events.retriedStageAttempts);
        Set<Integer> workerPorts = new TreeSet<>(events.workerPortsOfExecutors.values());
        assertEquals(new TreeSet<>(cluster.workers().stream().map(StandaloneCluster.Worker::uiPort).toList()),
                workerPorts, "executors ran on both workers");
        assertTrue(events.executorsRemoved.contains(killedExecutor),
                "executor " + killedExecutor + " of the killed worker was not reported lost: "
                        + events.executorsRemoved);
        assertTrue(events.tasksByExecutor.getOrDefault(killedExecutor, 0) > 0);
        // The task it was running when its worker died failed, and ran again on the other executor.
        assertFalse(events.reRunElsewhere(killedExecutor).isEmpty(), "no task of executor " + killedExecutor
                + " failed and ran again elsewhere; failed tasks (stage:partition, executor): "
                + events.failed.stream().map(t -> t[0] + " on " + t[1]).toList());
        // Every executor that was not lost ran tasks too: the work was spread, not run in the driver.
        events.executorsAdded.stream().filter(id -> !id.equals(killedExecutor))
                .forEach(id -> assertTrue(events.tasksByExecutor.getOrDefault(id, 0) > 0, "executor " + id));
    }

    @Test
    void goldTablesAndExportsEqualThoseOfALocalRunOnTheSameDeliveries() throws IOException {
        Warehouse local = warehouseOf("local");
        Warehouse onCluster = warehouseOf("submitted");
        for (GoldReport report : GoldReports.ALL) {
            String table = Layer.GOLD.table(report.name());
            List<String> expected = sortedRows(local.location(table));
            // The daily delivery restates capex and corrects a shipment, so every report has rows.
            assertFalse(expected.isEmpty(), table + " is empty");
            assertEquals(expected, sortedRows(onCluster.location(table)), table);
        }
        Path localExports = root.resolve("local/data/reports").resolve(RUN_DATE);
        Path clusterExports = root.resolve("submitted/data/reports").resolve(RUN_DATE);
        List<Path> csvFiles;
        try (Stream<Path> files = Files.list(localExports)) {
            csvFiles = files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
        assertEquals(GoldReports.ALL.size(), csvFiles.size());
        for (Path csv : csvFiles) {
            assertArrayEquals(Files.readAllBytes(csv), Files.readAllBytes(clusterExports.resolve(csv.getFileName())),
                    csv.getFileName().toString());
        }
    }

    @Test
    void theWarehouseIsOnHdfsWithDeltaLogsThere() throws IOException {
        FileSystem fs = hdfs.getFileSystem();
        for (GoldReport report : GoldReports.ALL) {
            org.apache.hadoop.fs.Path commit = new org.apache.hadoop.fs.Path(warehouseOf("submitted")
                    .location(Layer.GOLD.table(report.name())) + "/_delta_log/00000000000000000000.json");
            assertTrue(fs.exists(commit), commit::toString);
        }
        assertFalse(Files.exists(root.resolve("submitted/data/warehouse")), "a local warehouse was written");
    }

    @Test
    void theAuditTableRecordsTheClusterRunAsSucceeded() {
        Warehouse onCluster = warehouseOf("submitted");
        List<Row> finalRows = SharedSpark.spark().read().format("delta").load(onCluster.location(JobRuns.TABLE))
                .where(col("command").equalTo("nightly").and(col("run_date").equalTo(Date.valueOf(RUN_DATE)))
                        .and(col("stage").equalTo(JobRuns.RUN)).and(col("finished_at").isNotNull()))
                .select("status", "command_line").collectAsList();
        assertEquals(1, finalRows.size(), finalRows::toString);
        assertEquals("SUCCEEDED", finalRows.get(0).getString(0));
        assertTrue(finalRows.get(0).getString(1).contains("--run-date " + RUN_DATE), finalRows::toString);
    }

    /** A Delta table's rows as text, sorted: one Spark job per table and side. */
    private static List<String> sortedRows(String location) {
        return SharedSpark.spark().read().format("delta").load(location).collectAsList().stream()
                .map(Row::toString).sorted().toList();
    }

    /** jobs/lakehouse on local[2], with the same small-data settings as the cluster run. */
    private static Process startLocalRun(Path log) throws IOException {
        ProcessBuilder local = new ProcessBuilder("jobs/lakehouse", "nightly", "--run-date", RUN_DATE)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = lakehouseEnvironment(local, "local");
        env.put("LAKEHOUSE_MASTER", "local[2]");
        env.put("LAKEHOUSE_DRIVER_MEMORY", "1g");
        // The reference run shares the two cores with the cluster, so it gets the settings that cut the CPU time of
        // the process tests' children and of the tests' session on tiny data (the first JIT tier, the serial
        // collector, no code generation, no adaptive execution or broadcasts: see LakehouseProcess); none of them
        // changes a row it writes.
        StringBuilder javaOpts = new StringBuilder(String.join(" ", LakehouseProcess.SHORT_LIVED_JVM))
                .append(" -Dspark.sql.codegen.wholeStage=false -Dspark.sql.codegen.factoryMode=NO_CODEGEN")
                .append(" -Dspark.sql.adaptive.enabled=false -Dspark.sql.autoBroadcastJoinThreshold=-1 ");
        SMALL_DATA.forEach((key, value) -> javaOpts.append("-D").append(key).append('=').append(value).append(' '));
        env.put("LAKEHOUSE_JAVA_OPTS", javaOpts.toString().trim());
        Process process = local.start();
        process.getOutputStream().close();
        return process;
    }

    /** Data under root/{@code home}, the shared landing zone, an embedded catalog: nothing shared between runs. */
    private static Map<String, String> lakehouseEnvironment(ProcessBuilder builder, String home) {
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("LAKEHOUSE_") || name.startsWith("SPARK_"));
        env.put("LAKEHOUSE_HOME", root.resolve(home).toString());
        env.put("LAKEHOUSE_LANDING", landing.toString());
        env.put("LAKEHOUSE_METASTORE_MODE", "embedded");
        return env;
    }

    /** The local run's warehouse folder, or the cluster run's on HDFS. */
    private static Warehouse warehouseOf(String home) {
        String location = home.equals("submitted") ? hdfsRoot + "/warehouse"
                : root.resolve(home).resolve("data/warehouse").toUri().toString();
        return new Warehouse(SharedSpark.spark(), location, 1);
    }

    /** One NameNode and one DataNode on 127.0.0.1, storing under {@code folder}. */
    private static MiniDFSCluster startHdfs(Path folder) throws IOException {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, folder.toString());
        conf.set("dfs.namenode.rpc-address", "127.0.0.1:0");
        conf.set("dfs.datanode.address", "127.0.0.1:0");
        conf.set("dfs.datanode.http.address", "127.0.0.1:0");
        conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
        conf.setInt("dfs.replication", 1);
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        return cluster;
    }

    /**
     * Waits, through the driver's REST API, for a task running on an executor of worker 1, and then kills that
     * worker, so that a stage loses a running task and the shuffle files of every stage before.
     */
    private static void killAWorkerWhileItsExecutorRunsATask() throws Exception {
        StandaloneCluster.Worker victim = cluster.workers().get(0);
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        String api = null;
        while (submitted.isAlive() && System.nanoTime() < deadline) {
            if (api == null) {
                api = cluster.applicationUi().map(ui -> ui + "/api/v1/applications").orElse(null);
                if (api == null) {
                    Thread.sleep(100);
                    continue;
                }
            }
            String appId = StandaloneCluster.json(api).path(0).path("id").asText("");
            List<String> victimExecutors = cluster.executorsOf(victim);
            if (!appId.isEmpty() && !victimExecutors.isEmpty()) {
                for (JsonNode executor : StandaloneCluster.json(api + "/" + appId + "/executors")) {
                    String id = executor.path("id").asText();
                    if (victimExecutors.contains(id) && executor.path("activeTasks").asInt() > 0) {
                        LOG.info("Killing worker {} (pid {}) while its executor {} runs {} task(s)",
                                victim.number(), victim.pid(), id, executor.path("activeTasks").asInt());
                        cluster.kill(victim);
                        killedWorker = victim;
                        killedExecutor = id;
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never saw a task running on worker " + victim.number() + "; submit log:\n"
                + LakehouseProcess.tail(submitLog));
    }

    /** What the Spark event log (JSON lines) says about executors and tasks. */
    private static final class EventLog {
        final List<String> executorsAdded = new ArrayList<>();
        final Map<String, Integer> workerPortsOfExecutors = new HashMap<>();
        final List<String> executorsRemoved = new ArrayList<>();
        final Map<String, Integer> tasksByExecutor = new HashMap<>();
        /** Stage and partition ("3:1") of each failed task, with its executor, in the order they failed. */
        final List<String[]> failed = new ArrayList<>();
        /** Stage and partition of every task that succeeded, with the executor, after the first failure. */
        final List<String[]> succeededAfterAFailure = new ArrayList<>();
        int failedTasks;
        int retriedStageAttempts;

        /** The failed tasks of {@code executor} whose stage and partition later succeeded on another executor. */
        List<String> reRunElsewhere(String executor) {
            List<String> rerun = new ArrayList<>();
            for (String[] task : failed) {
                if (task[1].equals(executor) && succeededAfterAFailure.stream()
                        .anyMatch(ok -> ok[0].equals(task[0]) && !ok[1].equals(executor))) {
                    rerun.add(task[0]);
                }
            }
            return rerun;
        }

        static EventLog read(Path folder) throws IOException {
            List<Path> logs;
            try (Stream<Path> files = Files.list(folder)) {
                logs = files.filter(Files::isRegularFile).toList();
            }
            assertEquals(1, logs.size(), "one application's event log in " + folder + ": " + logs);
            ObjectMapper json = new ObjectMapper();
            EventLog log = new EventLog();
            for (String line : Files.readAllLines(logs.get(0))) {
                JsonNode event = json.readTree(line);
                switch (event.path("Event").asText()) {
                    case "SparkListenerExecutorAdded" -> {
                        String id = event.path("Executor ID").asText();
                        log.executorsAdded.add(id);
                        Matcher port = WORKER_UI_PORT.matcher(
                                event.path("Executor Info").path("Log Urls").path("stdout").asText());
                        if (port.find()) {
                            log.workerPortsOfExecutors.put(id, Integer.parseInt(port.group(1)));
                        }
                    }
                    case "SparkListenerExecutorRemoved" -> log.executorsRemoved.add(event.path("Executor ID").asText());
                    case "SparkListenerTaskEnd" -> {
                        JsonNode info = event.path("Task Info");
                        String executor = info.path("Executor ID").asText();
                        log.tasksByExecutor.merge(executor, 1, Integer::sum);
                        String[] task = {event.path("Stage ID").asInt() + ":" + info.path("Partition ID").asInt(),
                                executor};
                        if (info.path("Failed").asBoolean()) {
                            log.failedTasks++;
                            log.failed.add(task);
                        } else if (!log.failed.isEmpty()) {
                            log.succeededAfterAFailure.add(task);
                        }
                    }
                    case "SparkListenerStageSubmitted" -> {
                        if (event.path("Stage Info").path("Stage Attempt ID").asInt() > 0) {
                            log.retriedStageAttempts++;
                        }
                    }
                    default -> { }
                }
            }
            return log;
        }
    }
}
