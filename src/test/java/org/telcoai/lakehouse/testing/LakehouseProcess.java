package org.telcoai.lakehouse.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs the lakehouse command line in a JVM of its own, as jobs/lakehouse does, for tests of separate processes
 * (a JDBC server and a nightly run side by side). Output goes to a file, so a chatty child never blocks on a pipe.
 */
public final class LakehouseProcess {

    /**
     * A child lives for seconds: the JIT's second tier and a concurrent collector cost it more CPU than they save
     * (measured: a night with nothing new took 60 s of CPU in 35 s, and 33 s in 28 s with the first tier and the
     * serial collector). With the first tier only, the JVM reserves 48 MiB for compiled code; a child fills it in some
     * 45 s, and then prints "CodeCache is full. Compiler has been disabled" and interprets everything after
     * (measured on a whole night of the small deliveries: 87 s and 130 s of CPU with 48 MiB, 70 s and 99 s with 256).
     */
    public static final List<String> SHORT_LIVED_JVM = List.of("-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=256m", "-XX:+UseSerialGC");

    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<Path> classpathFirst = new ArrayList<>();

    /**
     * Small local Spark, no UI, loopback only, with the test session's settings for tiny data (see {@link SharedSpark}),
     * adaptive execution off among them: with it on, each rebuild of a Delta table's state runs as three Spark jobs
     * instead of one (measured on a first night of the small deliveries: 87 s and 133 s of CPU with it, 70 s and
     * 105 s without); data folders under {@code home}.
     */
    public LakehouseProcess(Path home, int metastorePort) {
        properties.put("spark.master", "local[2]");
        properties.put("spark.ui.enabled", "false");
        properties.put("spark.sql.shuffle.partitions", "1");
        properties.put("spark.default.parallelism", "1");
        properties.put("spark.databricks.delta.snapshotPartitions", "1");
        properties.put("spark.sql.codegen.wholeStage", "false");
        properties.put("spark.sql.codegen.factoryMode", "NO_CODEGEN");
        properties.put("spark.sql.adaptive.enabled", "false");
        properties.put("spark.sql.autoBroadcastJoinThreshold", "-1");
        properties.put("spark.driver.host", "127.0.0.1");
        properties.put("spark.driver.bindAddress", "127.0.0.1");
        properties.put("lakehouse.home", home.toString());
        properties.put("lakehouse.metastore.port", Integer.toString(metastorePort));
        properties.put("log4j2.configurationFile", Path.of("conf/log4j2.properties").toAbsolutePath().toString());
    }

    public LakehouseProcess with(String key, String value) {
        properties.put(key, value);
        return this;
    }

    /** Puts {@code folder} before this JVM's classpath (a core-site.xml there overrides Hadoop's defaults). */
    public LakehouseProcess classpathFirst(Path folder) {
        classpathFirst.add(folder);
        return this;
    }

    /** Starts {@code lakehouse <args>}; stdout and stderr together in {@code log}. */
    public Process start(Path log, String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-Xmx768m");
        command.addAll(SHORT_LIVED_JVM);
        command.addAll(jvmOptions());
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-cp");
        List<String> entries = new ArrayList<>();
        classpathFirst.forEach(folder -> entries.add(folder.toString()));
        entries.add(classpath());
        command.add(String.join(File.pathSeparator, entries));
        command.add("org.telcoai.lakehouse.cli.LakehouseCli");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The child reads its configuration from the properties above, not from this machine's environment.
        builder.environment().keySet().removeIf(name -> name.startsWith("LAKEHOUSE_"));
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs to completion and returns the exit code; a child still running after {@code timeout} is killed. */
    public int run(Path log, Duration timeout, String... args) throws InterruptedException {
        Process process = start(log, args);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("lakehouse " + String.join(" ", args) + " still running after " + timeout
                        + "; log:\n" + tail(log));
            }
            return process.exitValue();
        } finally {
            destroy(process);
        }
    }

    /** Ends a child and anything it started in its own process tree (not detached servers). */
    public static void destroy(Process process) {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the metastore's Derby server on {@code port}, and kills it if it does not stop: a child started it in a
     * session of its own, so it is not among the children's descendants.
     */
    public static void stopMetastoreServer(int port) throws Exception {
        org.telcoai.lakehouse.spark.DerbyServer metastore = new org.telcoai.lakehouse.spark.DerbyServer(port);
        try {
            metastore.stop();
        } finally {
            for (long pid : metastore.processes()) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    /**
     * The port a server bound, as its log says in a line that {@code line} finds (group 1): servers that bind port 0
     * name the one they got, and nothing else can take it in between.
     */
    public static int awaitPort(Process process, Path log, Pattern line, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher port = line.matcher(Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "");
            if (port.find()) {
                return Integer.parseInt(port.group(1));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("a server exited with " + process.exitValue() + " before its log "
                        + "named its port:\n" + tail(log));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no line matching '" + line + "' after " + timeout + ":\n" + tail(log));
    }

    public static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.subList(Math.max(0, lines.size() - 60), lines.size()).stream()
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The flags Spark 3.5 needs on Java 17, from the same file the launchers read. */
    static List<String> jvmOptions() {
        try {
            return Files.readAllLines(Path.of("jobs/jvm-options")).stream().map(String::trim)
                    .filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This JVM's classpath. Surefire may start tests from a manifest-only jar whose Class-Path attribute holds the
     * real entries (as file URIs); the child gets those entries, so it runs on a plain classpath like the launcher's.
     */
    static String classpath() {
        String classpath = System.getProperty("java.class.path");
        String[] entries = classpath.split(File.pathSeparator);
        if (entries.length != 1 || !entries[0].endsWith(".jar")) {
            return classpath;
        }
        try (JarFile jar = new JarFile(entries[0])) {
            String manifestPath = jar.getManifest() == null ? null
                    : jar.getManifest().getMainAttributes().getValue("Class-Path");
            if (manifestPath == null || manifestPath.isBlank()) {
                return classpath;
            }
            URI base = Path.of(entries[0]).toAbsolutePath().toUri();
            List<String> paths = new ArrayList<>();
            for (String entry : manifestPath.trim().split("\\s+")) {
                paths.add(Path.of(base.resolve(entry)).toString());
            }
            return String.join(File.pathSeparator, paths);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the classpath of " + entries[0], e);
        }
    }
}
