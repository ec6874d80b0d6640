package org.telcoai.lakehouse.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1: a Master and Workers, each a JVM of its own, run from a Spark home
 * assembled from the project's runtime dependencies (no Spark download). {@link #close()} ends every process it
 * started, executors included, also after a failure.
 */
public final class StandaloneCluster implements AutoCloseable {

    /**
     * Not the cluster's: the libraries the cluster jar carries itself (the shade plugin's artifactSet in pom.xml),
     * and Delta, which jobs/lakehouse-submit brings with --packages.
     */
    private static final List<String> NOT_ON_THE_CLUSTER =
            List.of("picocli-", "config-", "jfreechart-", "derbynet-", "derbyclient-", "delta-spark_", "delta-storage-");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path root;
    private final Path sparkHome;
    private static final Pattern MASTER_URL = Pattern.compile("Starting Spark master at spark://[^:]+:(\\d+)");
    private static final Pattern MASTER_UI = Pattern.compile("started service 'MasterUI' on port (\\d+)");
    private static final Pattern WORKER_UI = Pattern.compile("started service 'WorkerUI' on port (\\d+)");
    /** Links on the Master's page to a web UI on this machine: the workers' and the running application's. */
    private static final Pattern UI_LINK = Pattern.compile("href=\"(http://127\\.0\\.0\\.1:(\\d+))/?\"");

    /** Every server binds port 0 and says in its log which port it got: nothing to collide with. */
    private int masterPort;
    private int masterUiPort;
    private final List<Process> processes = new ArrayList<>();
    private final List<Worker> workers = new ArrayList<>();

    /** One worker JVM: its process, its web UI port (whose JSON lists its executors) and its log. */
    public record Worker(int number, Process process, int uiPort, Path log) {
        public long pid() {
            return process.pid();
        }
    }

    private StandaloneCluster(Path root, Path sparkHome) {
        this.root = root;
        this.sparkHome = sparkHome;
    }

    /**
     * Starts a Master and {@code workerCount} Workers of {@code coresPerWorker} cores and {@code workerMemory}
     * (such as "1g") each, and waits until all Workers are registered.
     */
    public static StandaloneCluster start(Path root, Path runtimeLibraries, int workerCount, int coresPerWorker,
                                          String workerMemory) throws IOException, InterruptedException {
        StandaloneCluster cluster = new StandaloneCluster(root, assembleSparkHome(root.resolve("spark-home"),
                runtimeLibraries));
        try {
            cluster.startMaster();
            for (int number = 1; number <= workerCount; number++) {
                cluster.startWorker(number, coresPerWorker, workerMemory);
            }
            cluster.awaitAliveWorkers(workerCount);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * A Spark home as a plain Spark cluster has one: jars/ with Spark and its dependencies, without Delta and the
     * libraries the cluster jar brings, so that a job missing one of them fails here as it would on a cluster.
     */
    static Path assembleSparkHome(Path home, Path runtimeLibraries) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        Files.createDirectories(home.resolve("conf"));
        try (Stream<Path> libraries = Files.list(runtimeLibraries)) {
            for (Path library : libraries.filter(p -> p.toString().endsWith(".jar")).toList()) {
                String name = library.getFileName().toString();
                if (NOT_ON_THE_CLUSTER.stream().noneMatch(name::startsWith)) {
                    Files.createSymbolicLink(jars.resolve(name), library.toAbsolutePath());
                }
            }
        }
        return home;
    }

    public Path sparkHome() {
        return sparkHome;
    }

    public String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    public List<Worker> workers() {
        return List.copyOf(workers);
    }

    /** The variables a Spark process of this cluster needs; also for spark-submit. */
    public Map<String, String> environment() {
        // Without SPARK_SCALA_VERSION a Worker looks for a source build's folders and every executor fails with
        // "Cannot find any build directories".
        return Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.12",
                "SPARK_LOCAL_IP", "127.0.0.1");
    }

    /** The web UI of the application running on this cluster, as the Master's page links to it, once it does. */
    public Optional<String> applicationUi() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        String page;
        try {
            page = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (ConnectException e) {
            return Optional.empty();
        }
        Matcher link = UI_LINK.matcher(page);
        while (link.find()) {
            int port = Integer.parseInt(link.group(2));
            if (port != masterUiPort && workers.stream().noneMatch(w -> w.uiPort() == port)) {
                return Optional.of(link.group(1));
            }
        }
        return Optional.empty();
    }

    /** Executor ids that a worker runs now, from its web UI's JSON. */
    public List<String> executorsOf(Worker worker) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (JsonNode executor : json("http://127.0.0.1:" + worker.uiPort() + "/json/").path("executors")) {
            ids.add(executor.path("id").asText());
        }
        return ids;
    }

    /** SIGKILL, as a lost machine: no shutdown hook runs. Its executors end when they lose their worker. */
    public void kill(Worker worker) throws InterruptedException {
        ProcessHandle.of(worker.pid()).ifPresent(ProcessHandle::destroyForcibly);
        worker.process().waitFor(30, TimeUnit.SECONDS);
    }

    /** Every process this cluster started, their children, and any executor left behind by a killed worker. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            LakehouseProcess.destroy(processes.get(i));
        }
        String marker = root.toAbsolutePath().toString();
        ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * GET and parse JSON. A web UI that is not up yet, or still starting (the driver answers "Spark is starting
     * up" in plain text), counts as an empty document.
     */
    public static JsonNode json(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.missingNode();
        } catch (ConnectException | JsonProcessingException e) {
            return JSON.missingNode();
        }
    }

    private void startMaster() throws IOException, InterruptedException {
        Path log = root.resolve("master.log");
        Process master = start(log, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", "0", "--webui-port", "0");
        masterPort = awaitPort(master, log, MASTER_URL);
        masterUiPort = awaitPort(master, log, MASTER_UI);
    }

    private void startWorker(int number, int cores, String memory) throws IOException, InterruptedException {
        Path workDir = Files.createDirectories(root.resolve("worker-" + number));
        Path log = root.resolve("worker-" + number + ".log");
        Process process = start(log, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                "--webui-port", "0", "--cores", Integer.toString(cores),
                "--memory", memory, "--work-dir", workDir.toString(), masterUrl());
        workers.add(new Worker(number, process, awaitPort(process, log, WORKER_UI), log));
    }

    private static int awaitPort(Process process, Path log, Pattern line) throws IOException, InterruptedException {
        return LakehouseProcess.awaitPort(process, log, line, START_TIMEOUT);
    }

    private Process start(Path log, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(LakehouseProcess.javaExecutable(), "-Xmx256m"));
        command.addAll(LakehouseProcess.jvmOptions());
        command.add("-cp");
        command.add(sparkHome.resolve("conf") + ":" + sparkHome.resolve("jars") + "/*");
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("LAKEHOUSE_") || name.startsWith("SPARK_"));
        builder.environment().putAll(environment());
        Process process = builder.start();
        process.getOutputStream().close();
        processes.add(process);
        return process;
    }

    private void awaitAliveWorkers(int expected) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String url = "http://127.0.0.1:" + masterUiPort + "/json/";
        while (System.nanoTime() < deadline) {
            if (json(url).path("aliveworkers").asInt(0) == expected) {
                return;
            }
            Optional<Process> dead = processes.stream().filter(p -> !p.isAlive()).findFirst();
            if (dead.isPresent()) {
                throw new IllegalStateException("a cluster process exited with " + dead.get().exitValue()
                        + "; logs in " + root);
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(expected + " workers not registered after " + START_TIMEOUT
                + "; master log:\n" + LakehouseProcess.tail(root.resolve("master.log")));
    }
}
