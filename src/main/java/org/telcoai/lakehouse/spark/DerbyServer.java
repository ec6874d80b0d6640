package org.telcoai.lakehouse.spark;

import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.derby.drda.NetworkServerControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Derby network server that holds the catalog in server mode: a JVM of its own, listening on 127.0.0.1 only,
 * started in the background by the first job that needs it and left running for the next ones until
 * {@code metastore stop}. One server serves any metastore folder (databases are named by absolute path).
 */
public final class DerbyServer {

    /** Loopback only: the server has no authentication, so it must not be reachable from other machines. */
    public static final String HOST = "127.0.0.1";
    public static final String LOG_FILE = "derby-server.log";

    private static final Logger LOG = LoggerFactory.getLogger(DerbyServer.class);
    private static final String MAIN_CLASS = "org.apache.derby.drda.NetworkServerControl";
    private static final String DIR_PROPERTY = "lakehouse.metastore.dir";
    /** A program that accepts the connection but never answers must not hang the job. */
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration OTHER_PROGRAM_GRACE = Duration.ofSeconds(15);

    public enum State { RUNNING, NOT_LISTENING, OTHER_PROGRAM }

    private final int port;

    public DerbyServer(int port) {
        this.port = port;
    }

    public int port() {
        return port;
    }

    public String address() {
        return HOST + ":" + port;
    }

    /** Whether a Derby network server answers on the port, nothing listens, or something else does. */
    public State probe() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 2000);
        } catch (ConnectException e) {
            return State.NOT_LISTENING;
        } catch (IOException e) {
            return State.OTHER_PROGRAM;
        }
        return ping() ? State.RUNNING : State.OTHER_PROGRAM;
    }

    private boolean ping() {
        FutureTask<Boolean> ping = new FutureTask<>(() -> {
            control().ping();
            return true;
        });
        Thread thread = new Thread(ping, "derby-ping-" + port);
        thread.setDaemon(true);
        thread.start();
        try {
            return ping.get(PING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            ping.cancel(true);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Returns once a Derby server answers on the port, starting one for {@code dir} if none does. Two jobs that
     * start at once both launch a server; the one that loses the port exits and both use the winner.
     */
    public void ensureRunning(Path dir, Duration timeout) throws IOException {
        State state = probe();
        // A server another job is starting listens a moment before it answers; a loaded machine stretches that.
        long grace = System.nanoTime() + Math.min(timeout.toNanos(), OTHER_PROGRAM_GRACE.toNanos());
        while (state == State.OTHER_PROGRAM && System.nanoTime() < grace) {
            sleep(1000);
            state = probe();
        }
        if (state == State.RUNNING) {
            return;
        }
        if (state == State.OTHER_PROGRAM) {
            throw new IllegalStateException(portTakenMessage());
        }
        Files.createDirectories(dir);
        Path log = dir.resolve(LOG_FILE);
        Process process = launch(dir, log);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            state = probe();
            if (state == State.RUNNING) {
                LOG.info("Started the metastore's Derby network server on {} (pid {}), log {}", address(),
                        process.pid(), log);
                return;
            }
            if (!process.isAlive() && state == State.NOT_LISTENING) {
                throw new IllegalStateException("the metastore's Derby network server on " + address()
                        + " did not start (exit code " + process.exitValue() + "): see " + log);
            }
            if (System.nanoTime() > deadline) {
                process.destroy();
                throw new IllegalStateException(state == State.OTHER_PROGRAM && !process.isAlive()
                        ? portTakenMessage()
                        : "the metastore's Derby network server on " + address() + " did not answer within "
                                + timeout.toSeconds() + " s: see " + log);
            }
            sleep(250);
        }
    }

    private Process launch(Path dir, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        // Its own session: a Ctrl-C meant for the job that started it must not stop the shared server.
        Optional<String> setsid = java.util.stream.Stream.of("/usr/bin/setsid", "/bin/setsid")
                .filter(p -> new File(p).canExecute()).findFirst();
        setsid.ifPresent(command::add);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(derbyClasspath());
        command.add("-D" + DIR_PROPERTY + "=" + dir.toAbsolutePath());
        command.add("-Dderby.system.home=" + dir.toAbsolutePath());
        command.add("-Dderby.stream.error.file=" + log.toAbsolutePath());
        command.add("-Dderby.infolog.append=true");
        command.add(MAIN_CLASS);
        command.addAll(List.of("start", "-h", HOST, "-p", Integer.toString(port),
                // Derby's default policy would confine databases to derby.system.home; loopback is the boundary.
                "-noSecurityManager"));
        LOG.info("Starting the metastore's Derby network server on {} for {}", address(), dir);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        process.getOutputStream().close();
        return process;
    }

    /** derby.jar and derbynet.jar as found on the job's own classpath, whatever launched it. */
    static String derbyClasspath() {
        return jarOf(NetworkServerControl.class) + File.pathSeparator + jarOf(org.apache.derby.jdbc.EmbeddedDriver.class);
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the jar of " + type.getName(), e);
        }
    }

    /** Shuts the server down (every database it holds is closed cleanly); false when none was running. */
    public boolean stop() throws Exception {
        State state = probe();
        if (state == State.NOT_LISTENING) {
            return false;
        }
        if (state == State.OTHER_PROGRAM) {
            throw new IllegalStateException(portTakenMessage());
        }
        control().shutdown();
        return true;
    }

    /** The pids of the server processes started for this port (found by their command line). */
    public List<Long> processes() {
        String portArg = Integer.toString(port);
        return ProcessHandle.allProcesses().filter(p -> {
            List<String> args = p.info().arguments().map(List::of).orElse(List.of());
            int i = args.indexOf("-p");
            return args.contains(MAIN_CLASS) && i >= 0 && i + 1 < args.size() && args.get(i + 1).equals(portArg);
        }).map(ProcessHandle::pid).toList();
    }

    private NetworkServerControl control() throws Exception {
        return new NetworkServerControl(InetAddress.getByName(HOST), port);
    }

    private String portTakenMessage() {
        return "port " + port + " on " + HOST + " is in use by a program that is not a Derby network server: set "
                + "lakehouse.metastore.port to a free port (or lakehouse.metastore.mode = embedded)";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the metastore server", e);
        }
    }
}
