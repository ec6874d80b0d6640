package org.telcoai.lakehouse.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jobs/schedule/cron-run with a stand-in for jobs/lakehouse: the lock, the log and the exit code cron sees. */
class CronRunTest {

    private static final Path CRON_RUN = Path.of("jobs", "schedule", "cron-run").toAbsolutePath();

    @TempDir
    Path tmp;

    private Path logs;

    @BeforeEach
    void needsFlock() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/flock")) || Files.isExecutable(Path.of("/bin/flock")),
                "flock (util-linux) is not installed");
        logs = tmp.resolve("logs");
    }

    /** A launcher that prints its arguments, runs {@code body} (sh) and exits with {@code code}. */
    private Path launcher(String body, int code) throws IOException {
        Path stub = tmp.resolve("lakehouse-stub");
        Files.writeString(stub, "#!/bin/sh\necho \"launched: $*\"\n" + body + "\nexit " + code + "\n");
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwx------"));
        return stub;
    }

    private int cronRun(Path launcher, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", CRON_RUN.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("cron-mail.txt").toFile());
        builder.environment().put("LAKEHOUSE_LOG_DIR", logs.toString());
        builder.environment().put("LAKEHOUSE_LAUNCHER", launcher.toString());
        builder.environment().put("CRON_RUN", CRON_RUN.toString());
        builder.environment().remove("LAKEHOUSE_LOCK");
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "cron-run finished");
        return process.exitValue();
    }

    private List<String> log(String command) throws IOException {
        return Files.readAllLines(logs.resolve(command + ".log"), StandardCharsets.UTF_8);
    }

    @Test
    void exitCodeOfTheCommandIsReturnedLoggedAndReported() throws Exception {
        int code = cronRun(launcher("echo 'error: something failed' >&2", 1), "nightly", "--run-date", "yesterday");

        assertEquals(1, code);
        List<String> log = log("nightly");
        assertEquals(4, log.size(), log.toString());
        assertTrue(log.get(0).endsWith("Z start: nightly --run-date yesterday"), log.get(0));
        assertEquals("launched: nightly --run-date yesterday", log.get(1));
        assertEquals("error: something failed", log.get(2));
        assertTrue(log.get(3).endsWith("Z exit 1: nightly --run-date yesterday"), log.get(3));
        assertEquals(List.of("telco-ai-lakehouse nightly exited 1; see " + logs.resolve("nightly.log")),
                Files.readAllLines(tmp.resolve("cron-mail.txt")), "cron mails stderr");
    }

    @Test
    void successIsSilentForCronAndAppendsToTheLog() throws Exception {
        assertEquals(0, cronRun(launcher("", 0), "maintain"));
        assertEquals(0, cronRun(launcher("", 0), "maintain"));

        assertEquals(6, log("maintain").size(), "two runs of three lines");
        assertTrue(log("maintain").get(5).endsWith("Z exit 0: maintain"));
        assertEquals(List.of(), Files.readAllLines(tmp.resolve("cron-mail.txt")));
    }

    /** While one scheduled command runs, another started without --wait does not run: exit 75, logged. */
    @Test
    void secondCommandWhileTheLockIsHeldExits75WithoutRunning() throws Exception {
        Path stub = launcher("if [ \"$1\" = nightly ]; then \"$CRON_RUN\" maintain; echo \"inner exit $?\"; fi", 0);

        assertEquals(0, cronRun(stub, "nightly", "--run-date", "yesterday"));

        assertTrue(log("nightly").contains("inner exit 75"), log("nightly").toString());
        List<String> maintain = log("maintain");
        assertEquals(3, maintain.size(), maintain.toString());
        assertTrue(maintain.get(1).endsWith("Z not run: another scheduled run holds " + logs.resolve("lakehouse.lock")),
                maintain.get(1));
        assertTrue(maintain.get(2).endsWith("Z exit 75: maintain"), maintain.get(2));
        assertTrue(maintain.stream().noneMatch(l -> l.startsWith("launched:")), "the launcher did not start");
    }
}
