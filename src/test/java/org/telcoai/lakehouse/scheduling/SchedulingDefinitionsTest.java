package org.telcoai.lakehouse.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.telcoai.lakehouse.scheduling.ProjectFacts.MAIN_CLASS;
import static org.telcoai.lakehouse.scheduling.ProjectFacts.NO_DEMO_DATA;
import static org.telcoai.lakehouse.scheduling.ProjectFacts.assertHasEveryJvmOption;
import static org.telcoai.lakehouse.scheduling.ProjectFacts.parseLakehouseArgs;
import static org.telcoai.lakehouse.scheduling.ProjectFacts.pom;
import static org.telcoai.lakehouse.scheduling.ProjectFacts.subcommand;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * The cron, Airflow and spark-operator definitions in jobs/ parse, and agree with the project: the main class, the
 * jar the build makes, Delta's version, every flag of jobs/jvm-options, and command lines the jar accepts.
 * None of them can run here (no Airflow, no Kubernetes); these checks are what can be known without.
 */
class SchedulingDefinitionsTest {

    private static final String NIGHTLY_SCHEDULE = "30 2 * * *";
    private static final String MAINTAIN_SCHEDULE = "30 4 * * 0";

    private record CronJob(String schedule, List<String> command) { }

    private static List<CronJob> cronJobs(Map<String, String> environment) throws IOException {
        List<CronJob> jobs = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("jobs", "schedule", "crontab"))) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.matches("[A-Z_]+=.*")) {
                environment.put(trimmed.substring(0, trimmed.indexOf('=')), trimmed.substring(trimmed.indexOf('=') + 1));
                continue;
            }
            List<String> fields = Arrays.asList(trimmed.split("\\s+"));
            assertTrue(fields.size() > 5, "five time fields and a command: " + line);
            jobs.add(new CronJob(String.join(" ", fields.subList(0, 5)), fields.subList(5, fields.size())));
        }
        return jobs;
    }

    @Test
    void pomAndJvmOptionsAgreeOnTheFlagsAndTheMainClass() {
        assertEquals(ProjectFacts.jvmOptions(), Arrays.asList(pom("/project/properties/spark.jvm.opens").split("\\s+")),
                "pom.xml's spark.jvm.opens (Surefire) and jobs/jvm-options (launchers) list the same flags");
        assertEquals(MAIN_CLASS, pom("//mainClass"), "the cluster jar's manifest");
        assertEquals("telco-ai-lakehouse-0.1.0-SNAPSHOT-cluster.jar", ProjectFacts.clusterJar());
    }

    @Test
    void crontabRunsTheNightlyAndMaintenanceThroughCronRunWithExistingCommandLines() throws IOException {
        Map<String, String> environment = new LinkedHashMap<>();
        List<CronJob> jobs = cronJobs(environment);

        assertEquals("UTC", environment.get("CRON_TZ"));
        assertEquals(NO_DEMO_DATA, environment.get("LAKEHOUSE_JAVA_OPTS"));
        assertEquals(List.of(NIGHTLY_SCHEDULE, MAINTAIN_SCHEDULE), jobs.stream().map(CronJob::schedule).toList());
        List<String> subcommands = new ArrayList<>();
        for (CronJob job : jobs) {
            String script = job.command().get(0);
            assertTrue(script.startsWith("\"$LAKEHOUSE_HOME\"/"), "run from the installed project: " + script);
            Path executable = Path.of(script.substring("\"$LAKEHOUSE_HOME\"/".length()));
            assertTrue(Files.isRegularFile(executable) && Files.isExecutable(executable),
                    executable + " exists and is executable");
            List<String> args = job.command().subList(1, job.command().size());
            if (args.get(0).equals("--wait")) {
                assertTrue(Integer.parseInt(args.get(1)) > 0);
                args = args.subList(2, args.size());
            }
            subcommands.add(subcommand(parseLakehouseArgs("crontab", args)));
            if (args.get(0).equals("nightly")) {
                assertEquals(List.of("nightly", "--run-date", "yesterday"), args);
            }
        }
        assertEquals(List.of("nightly", "maintain"), subcommands);
        String cronRun = Files.readString(Path.of("jobs", "schedule", "cron-run"));
        assertTrue(cronRun.contains("flock \"${lock_mode[@]}\" -E 75 \"$lock\" \"$launcher\" \"$@\""), cronRun);
        assertTrue(cronRun.contains("launcher=\"${LAKEHOUSE_LAUNCHER:-$root/jobs/lakehouse}\""), cronRun);
        assertTrue(Files.isExecutable(Path.of("jobs", "lakehouse")));
    }

    @Test
    void sparkOperatorManifestsRunTheClusterJarWithTheFlagsAndRetries() throws IOException {
        Map<String, Map<String, Object>> manifests = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Path.of("jobs", "k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (Object document : new Yaml().loadAll(in)) {
                        manifests.put(file.getFileName().toString(), map(document, file.toString()));
                    }
                }
            }
        }
        assertEquals(List.of("maintain-scheduled.yaml", "nightly-scheduled.yaml", "run-once.yaml"),
                List.copyOf(manifests.keySet()));
        Map<String, String> subcommands = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> manifest : manifests.entrySet()) {
            String where = manifest.getKey();
            Map<String, Object> resource = manifest.getValue();
            Map<String, Object> spec = map(resource.get("spec"), where + " spec");
            assertEquals("sparkoperator.k8s.io/v1beta2", resource.get("apiVersion"), where);
            Map<String, Object> app;
            if (where.endsWith("-scheduled.yaml")) {
                assertEquals("ScheduledSparkApplication", resource.get("kind"), where);
                assertEquals("Forbid", spec.get("concurrencyPolicy"), where);
                app = map(spec.get("template"), where + " template");
            } else {
                assertEquals("SparkApplication", resource.get("kind"), where);
                app = spec;
            }
            assertEquals("Java", app.get("type"), where);
            assertEquals("cluster", app.get("mode"), where);
            assertEquals(pom("/project/properties/spark.version"), app.get("sparkVersion"), where);
            assertEquals(MAIN_CLASS, app.get("mainClass"), where);
            assertEquals("local:///opt/lakehouse/" + ProjectFacts.clusterJar(), app.get("mainApplicationFile"), where);
            Map<String, Object> conf = map(app.get("sparkConf"), where + " sparkConf");
            assertHasEveryJvmOption(where + " driver", (String) conf.get("spark.driver.extraJavaOptions"));
            assertHasEveryJvmOption(where + " executor", (String) conf.get("spark.executor.extraJavaOptions"));
            assertTrue(((String) conf.get("spark.driver.extraJavaOptions")).contains(NO_DEMO_DATA), where);
            Map<String, Object> restart = map(app.get("restartPolicy"), where + " restartPolicy");
            assertEquals("OnFailure", restart.get("type"), where);
            assertTrue((Integer) restart.get("onFailureRetries") >= 1, where);
            assertTrue((Integer) restart.get("onFailureRetryInterval") >= 60, where);
            @SuppressWarnings("unchecked")
            List<String> args = (List<String>) app.get("arguments");
            CommandLine.ParseResult parsed = parseLakehouseArgs(where, args);
            assertTrue(args.get(args.indexOf("--warehouse") + 1).startsWith("s3a://"), where);
            subcommands.put(where, subcommand(parsed) + (spec.containsKey("schedule") ? " at " + spec.get("schedule")
                    : "") + (args.contains("--run-date") ? " for " + args.get(args.indexOf("--run-date") + 1) : ""));
        }
        assertEquals(Map.of("nightly-scheduled.yaml", "nightly at " + NIGHTLY_SCHEDULE + " for yesterday",
                "maintain-scheduled.yaml", "maintain at " + MAINTAIN_SCHEDULE,
                "run-once.yaml", "nightly for 2026-06-30"), subcommands);

        String dockerfile = Files.readString(Path.of("jobs", "k8s", "Dockerfile"));
        String delta = pom("/project/properties/delta.version");
        String scala = pom("/project/properties/scala.binary.version");
        assertTrue(dockerfile.contains("/io/delta/delta-spark_" + scala + "/" + delta + "/"), dockerfile);
        assertTrue(dockerfile.contains("COPY target/" + pom("/project/artifactId") + "-*-"
                + pom("//shadedClassifierName") + ".jar /opt/lakehouse/"), dockerfile);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String where) {
        assertTrue(node instanceof Map, where + " is a mapping");
        return (Map<String, Object>) node;
    }

    @Test
    void airflowDagCompilesAndSubmitsTheClusterJarWithTheFlagsRetriesAndTemplatedRunDate() throws Exception {
        Path dag = Path.of("jobs", "airflow", "telco_ai_lakehouse_nightly.py");
        assumeTrue(python3Present(), "python3 is not installed");
        String compiled = python("-c", "import ast, sys; source = open(sys.argv[1]).read(); ast.parse(source); "
                + "compile(source, sys.argv[1], 'exec'); print('ok')", dag.toString());
        assertEquals("ok", compiled.trim());
        Path loader = Path.of(getClass().getResource("/scheduling/load_dag.py").toURI());
        JsonNode dags = new ObjectMapper().readTree(python(loader.toString(), dag.toString()));

        assertEquals(1, dags.size());
        JsonNode args = dags.get(0).get("args");
        assertEquals("telco_ai_lakehouse_nightly", dags.get(0).get("dag_id").asText());
        assertEquals(NIGHTLY_SCHEDULE, args.get("schedule").asText());
        assertEquals("2026-01-01T00:00:00+00:00", args.get("start_date").asText(), "UTC: the schedule is in UTC");
        assertEquals(false, args.get("catchup").asBoolean(true));
        assertEquals(1, args.get("max_active_runs").asInt());
        assertTrue(args.get("default_args").get("retries").asInt() >= 1);
        assertTrue(args.get("default_args").get("retry_delay").asDouble() >= 60);

        Map<String, JsonNode> tasks = new LinkedHashMap<>();
        dags.get(0).get("tasks").forEach(task -> tasks.put(task.get("task_id").asText(), task));
        assertEquals(List.of("nightly", "maintenance_night", "maintain"), List.copyOf(tasks.keySet()));
        assertEquals("[\"maintenance_night\"]", tasks.get("nightly").get("downstream").toString());
        assertEquals("[\"maintain\"]", tasks.get("maintenance_night").get("downstream").toString());
        assertEquals("[5]", tasks.get("maintenance_night").get("true_on_weekdays").toString(),
                "maintenance after the nightly of Saturday's date only");
        assertEquals(false, tasks.get("maintenance_night").get("true_without_logical_date").asBoolean(true));
        for (String id : List.of("nightly", "maintain")) {
            JsonNode task = tasks.get(id);
            JsonNode submit = task.get("args");
            assertEquals("SparkSubmitOperator", task.get("operator").asText(), id);
            assertTrue(submit.get("application").asText().endsWith("/target/" + ProjectFacts.clusterJar()),
                    submit.get("application").asText());
            assertEquals(MAIN_CLASS, submit.get("java_class").asText(), id);
            assertEquals(ProjectFacts.deltaPackage(), submit.get("packages").asText(), id);
            assertHasEveryJvmOption(id + " driver", submit.get("conf").get("spark.driver.extraJavaOptions").asText());
            assertHasEveryJvmOption(id + " executor",
                    submit.get("conf").get("spark.executor.extraJavaOptions").asText());
            assertTrue(submit.get("conf").get("spark.driver.extraJavaOptions").asText().contains(NO_DEMO_DATA), id);
            List<String> templated = new ArrayList<>();
            submit.get("application_args").forEach(a -> templated.add(a.asText()));
            assertEquals(id, subcommand(parseLakehouseArgs("DAG task " + id, rendered(templated))));
            if (id.equals("nightly")) {
                assertEquals(List.of("nightly", "--run-date", "{{ ds }}"), templated.subList(0, 3));
            }
        }
    }

    /** Airflow's templates replaced as at run time: {{ ds }} by a date, a variable by a path. */
    private static List<String> rendered(List<String> templated) {
        return templated.stream().map(a -> a.replaceAll("\\{\\{\\s*ds\\s*}}", LocalDate.of(2026, 6, 30).toString())
                .replaceAll("\\{\\{[^}]*}}", "s3a://bucket/path")).toList();
    }

    private static boolean python3Present() {
        try {
            return new ProcessBuilder("python3", "--version").redirectErrorStream(true).start()
                    .waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String python(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The DAG's defaults, not whatever this machine has.
        builder.environment().remove("LAKEHOUSE_HOME");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "python3 finished");
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
