package org.telcoai.lakehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.typesafe.config.ConfigFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telcoai.lakehouse.config.LakehouseConfig;
import picocli.CommandLine;

/** Exit codes and error lines of the command line; none of these may need a SparkSession. */
class LakehouseCliTest {

    @TempDir
    Path tmp;

    record Outcome(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LakehouseCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** Commands that get past parsing would start Spark; with spark.master set that could stop the tests' session. */
    static void assumeNoSparkMaster() {
        assumeTrue(System.getProperty("spark.master") == null, "spark.master is set for this JVM");
    }

    @Test
    void demoDataIsGeneratedOnlyIntoAnEmptyLocalLandingZone() throws Exception {
        Path local = tmp.resolve("landing");
        GenerateCommand.generateDemoIfEmpty(config("landing = \"" + local + "\"\ndemo.scale = 0.0005\n"
                + "demo.history-years = 1\ndemo.daily-deliveries = 0\n"));
        try (var datasets = Files.list(local)) {
            assertEquals(3, datasets.count(), "telco_capex, energy_prices, gpu_shipments");
        }
        // A landing zone on HDFS or object storage is left to real deliveries, not an error before the run.
        GenerateCommand.generateDemoIfEmpty(config("landing = \"hdfs://namenode:8020/landing\""));
        GenerateCommand.generateDemoIfEmpty(config("landing = \"s3a://bucket/landing\""));
        Outcome generate = run("generate", "--landing", "s3a://bucket/landing");
        assertEquals(2, generate.code(), "a usage error");
        assertEquals(List.of("error: demo data is generated into a local folder; landing is s3a://bucket/landing"),
                generate.errLines());
    }

    private static LakehouseConfig config(String lakehouse) {
        return LakehouseConfig.of(ConfigFactory.parseString(lakehouse)
                .withFallback(ConfigFactory.defaultReference().getConfig("lakehouse")).resolve());
    }

    @Test
    void helpExitsZero() {
        assertEquals(0, LakehouseCli.run("--help"));
        Outcome help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("ingest"), help.out());
        assertTrue(help.out().contains("Exit codes"), help.out());
    }

    @Test
    void unknownOptionIsUsageError() {
        assertEquals(2, LakehouseCli.run("--no-such-option"));
        Outcome outcome = run("--no-such-option");
        assertEquals(2, outcome.code());
        assertTrue(outcome.err().contains("--no-such-option"), outcome.err());
    }

    @Test
    void impossibleRunDateIsUsageError() {
        assertEquals(2, LakehouseCli.run("ingest", "--run-date", "2025-02-30"));
        Outcome outcome = run("ingest", "--run-date", "2025-02-30");
        assertEquals(2, outcome.code());
        assertTrue(outcome.err().contains("2025-02-30"), outcome.err());
        assertEquals(2, run("ingest", "--run-date", "2025-1-5").code());
    }

    /**
     * A wrong dataset name is a usage error (exit 2) that names the bad value, found before any Spark session
     * is built: today IngestCommand checks --datasets only inside run(), after SparkJob.call() created Spark.
     */
    @Test
    void reportAsOfRefusesFullRefreshAndFutureDatesAsUsageErrorsBeforeSpark() {
        assumeNoSparkMaster();
        String warehouse = tmp.resolve("warehouse").toString();
        Outcome both = run("report", "--as-of", "2026-06-27", "--full-refresh", "--warehouse", warehouse);
        assertEquals(2, both.code(), both.err());
        assertEquals(List.of("error: --as-of computes every row anyway: drop --full-refresh"), both.errLines());
        String tomorrow = RunDates.todayUtc().plusDays(1).toString();
        Outcome future = run("report", "--as-of", tomorrow, "--warehouse", warehouse);
        assertEquals(2, future.code(), future.err());
        assertEquals(List.of("error: --as-of " + tomorrow + " is in the future: nothing was known then yet"),
                future.errLines());
        assertEquals(2, run("report", "--as-of", "2026-13-01").code(), "not a date: usage error");
        assertTrue(Files.notExists(tmp.resolve("warehouse")), "refused before Spark and the warehouse");
    }

    @Test
    void unknownDatasetIsUsageErrorFoundBeforeSpark() {
        assumeNoSparkMaster();
        for (String hostile : List.of("../x", "a; DROP TABLE silver.energy_prices", "energy_prices'--")) {
            Outcome outcome = run("ingest", "--datasets", hostile, "--landing", tmp.resolve("landing").toString(),
                    "--warehouse", tmp.resolve("warehouse").toString());
            assertEquals(2, outcome.code(), outcome.err());
            assertEquals(1, outcome.errLines().size(), outcome.err());
            assertTrue(outcome.errLines().get(0).startsWith("error: "), outcome.err());
            assertTrue(outcome.err().contains(hostile), outcome.err());
            assertTrue(Files.notExists(tmp.resolve("warehouse")), "no warehouse/metastore for a usage error");
        }
        assertTrue(Files.notExists(tmp.resolve("landing").resolve("..").resolve("x")));
    }

    @Test
    void anUnwritableWarehouseFailsInOneLineBeforeSpark() throws Exception {
        // A file where the warehouse's parent folder should be: refused even to root, unlike a permission bit.
        Path blocker = Files.writeString(tmp.resolve("not-a-folder"), "x");
        Outcome outcome = run("ingest", "--landing", tmp.resolve("landing").toString(),
                "--warehouse", blocker.resolve("warehouse").toString());
        assertEquals(1, outcome.code(), outcome.err());
        assertEquals(1, outcome.errLines().size(), outcome.err());
        assertTrue(outcome.errLines().get(0).startsWith("error: the warehouse " + blocker.resolve("warehouse")
                + " is not writable: "), outcome.err());
        assertEquals("x", Files.readString(blocker));
    }

    @Test
    void backfillBackwardsIsUsageErrorFoundBeforeSpark() {
        Outcome outcome = run("backfill", "--from", "2026-06-30", "--to", "2026-06-27", "--landing",
                tmp.resolve("landing").toString(), "--warehouse", tmp.resolve("warehouse").toString());
        assertEquals(2, outcome.code(), outcome.err());
        assertEquals(List.of("error: --to 2026-06-27 is before --from 2026-06-30"), outcome.errLines());
        assertTrue(Files.notExists(tmp.resolve("warehouse")), "no warehouse/metastore for a usage error");
        assertEquals(2, run("backfill", "--from", "2026-06-30").code(), "--to is required");
    }

    @Test
    void includePlannedOnAnotherSourceIsUsageError() throws Exception {
        Path input = Path.of(getClass().getResource("/sources/elspotprices-sample.csv").toURI());
        Outcome outcome = run("import", "--source", "energinet-elspot", "--include-planned", "--input",
                input.toString(), "--landing", tmp.resolve("landing").toString());
        assertEquals(2, outcome.code(), outcome.err());
        assertTrue(outcome.err().contains("--include-planned applies to epoch-gpu-clusters only"), outcome.err());
        assertTrue(Files.notExists(tmp.resolve("landing")), "nothing written for a usage error");
    }

    @Test
    void importIncludePlannedWritesThePlannedClusters() throws Exception {
        Path input = Path.of(getClass().getResource("/sources/epoch/gpu_clusters.csv").toURI());
        Path landing = tmp.resolve("landing");
        assertEquals(0, run("import", "--source", "epoch-gpu-clusters", "--input", input.toString(),
                "--landing", landing.toString(), "--delivery-date", "2025-12-01").code());
        assertEquals(0, run("import", "--source", "epoch-gpu-clusters", "--include-planned", "--input",
                input.toString(), "--landing", landing.toString(), "--delivery-date", "2025-12-02").code());
        String file = "epoch-gpu-clusters-gpu_clusters.csv";
        List<String> without = Files.readAllLines(landing.resolve("gpu_shipments/2025-12-01").resolve(file));
        List<String> with = Files.readAllLines(landing.resolve("gpu_shipments/2025-12-02").resolve(file));
        assertEquals(without.size() + 1, with.size());
        assertTrue(with.stream().anyMatch(l -> l.startsWith("EPOCH-FUTURE-MEGA-CLUSTER,")), with.toString());
    }

    @Test
    void notebookHelpExplainsTheCommandAndItsRunSubcommand() {
        assertTrue(run("--help").out().contains("notebook"), "listed in the top-level help");
        Outcome notebook = run("notebook", "--help");
        assertEquals(0, notebook.code());
        assertTrue(notebook.out().contains("first line is %%sql"), notebook.out());
        assertTrue(notebook.out().contains("run "), notebook.out());
        Outcome help = run("notebook", "run", "--help");
        assertEquals(0, help.code());
        for (String expected : List.of("FILE.ipynb", "--output=PATH", "--max-rows=N", "(default: 50)", "%%sql",
                "exits 1 naming the cell", "--warehouse=DIR")) {
            assertTrue(help.out().contains(expected), expected + " in\n" + help.out());
        }
    }

    @Test
    void notebookWithoutSubcommandOrFileIsUsageError() {
        Outcome bare = run("notebook");
        assertEquals(2, bare.code());
        assertEquals(List.of("error: missing subcommand: notebook run <file.ipynb> (see: lakehouse notebook --help)"),
                bare.errLines());
        Outcome noFile = run("notebook", "run");
        assertEquals(2, noFile.code());
        assertTrue(noFile.err().contains("FILE.ipynb"), noFile.err());
    }

    /** A notebook that cannot be used is refused (exit 2, one line naming it) before Spark or a metastore exists. */
    @Test
    void missingOrMalformedNotebookOrBadMaxRowsIsUsageErrorFoundBeforeSpark() throws Exception {
        assumeNoSparkMaster();
        Path warehouse = tmp.resolve("warehouse");
        Path missing = tmp.resolve("missing.ipynb");
        Outcome notFound = run("notebook", "run", missing.toString(), "--warehouse", warehouse.toString());
        assertEquals(2, notFound.code(), notFound.err());
        assertEquals(List.of("error: notebook not found: " + missing), notFound.errLines());

        Path notJson = tmp.resolve("notes.ipynb");
        Files.writeString(notJson, "# not json");
        Outcome malformed = run("notebook", "run", notJson.toString(), "--warehouse", warehouse.toString());
        assertEquals(2, malformed.code(), malformed.err());
        assertEquals(1, malformed.errLines().size(), malformed.err());
        assertTrue(malformed.err().startsWith("error: " + notJson + ": not valid JSON: "), malformed.err());

        Path v3 = tmp.resolve("v3.ipynb");
        Files.writeString(v3, "{\"nbformat\": 3, \"worksheets\": []}");
        Outcome old = run("notebook", "run", v3.toString(), "--warehouse", warehouse.toString());
        assertEquals(2, old.code(), old.err());
        assertEquals(List.of("error: " + v3 + ": not an nbformat 4 notebook (nbformat: 3)"), old.errLines());

        Path empty = tmp.resolve("empty.ipynb");
        Files.writeString(empty, "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}");
        Outcome zeroRows = run("notebook", "run", empty.toString(), "--max-rows", "0",
                "--warehouse", warehouse.toString());
        assertEquals(2, zeroRows.code(), zeroRows.err());
        assertEquals(List.of("error: --max-rows must be at least 1, not 0"), zeroRows.errLines());
        assertTrue(Files.notExists(warehouse), "no warehouse/metastore for a usage error");
    }
}
