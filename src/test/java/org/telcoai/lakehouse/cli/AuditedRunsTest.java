package org.telcoai.lakehouse.cli;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.telcoai.lakehouse.config.LakehouseConfig;
import org.telcoai.lakehouse.gold.GoldReport;
import org.telcoai.lakehouse.gold.GoldReports;
import org.telcoai.lakehouse.ops.JobRuns;
import org.telcoai.lakehouse.testing.LandingFixture;
import org.telcoai.lakehouse.testing.SharedSpark;
import org.telcoai.lakehouse.warehouse.Layer;
import org.telcoai.lakehouse.warehouse.Warehouse;
import picocli.CommandLine;

/**
 * The commands as a scheduler runs them (parsing, exit code, stderr), on the tests' shared session: four runs on
 * one small landing zone, built once for the class, whose ops.job_runs rows the tests read.
 * <ol>
 *   <li>nightly 2026-01-05: everything valid, passes the default gates;</li>
 *   <li>nightly 2026-01-06: 1 of 8 gpu_shipments rows quarantined (12.5% over the default 10%): exit 1, gold
 *       untouched, no exports;</li>
 *   <li>ingest 2026-01-07 and 2026-01-08 with telco_capex limited to 2 days since its delivery of 2026-01-05:
 *       passes, then fails; gpu_shipments' rate limit of 0 is not applied, as these runs read none of its rows;</li>
 *   <li>ingest 2026-01-20 of an operators delivery without one valid row: a failure that is not a gate.</li>
 * </ol>
 */
class AuditedRunsTest {

    private static final String NIGHT1 = "2026-01-05";
    private static final String NIGHT2 = "2026-01-06";
    private static final String GATE_MESSAGE =
            "quality gate failed: gpu_shipments quarantined 12.5% of 8 rows read (limit 10.0%)";
    private static final String FRESHNESS_MESSAGE =
            "quality gate failed: telco_capex newest delivery 2026-01-05 is 3 days before 2026-01-08 (limit 2 days)";
    private static final String NO_VALID_OPERATOR = "operators: the delivery has no valid row; keeping the current "
            + "reference table (see quarantine.operators)";

    /** The shared session is the tests', not the command's: it must survive every command. */
    private static final SparkJob.Sessions SHARED = new SparkJob.Sessions() {
        @Override
        public SparkSession open(LakehouseConfig config, String appName,
                                 java.util.function.UnaryOperator<org.apache.spark.SparkConf> configure) {
            return SharedSpark.spark();
        }

        @Override
        public void close(SparkSession spark) {
        }
    };

    private record Outcome(int code, String err, String command, String runDate) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private static Warehouse warehouse;
    private static Path reports;
    private static Path confFolder;
    private static String landingFolder;
    private static Outcome night1;
    private static Outcome night2;
    private static Outcome freshPasses;
    private static Outcome freshFails;
    private static Outcome broken;
    private static Map<String, Long> goldVersionsAfterNight1;
    private static Map<String, Long> goldVersionsAfterNight2;

    @BeforeAll
    static void runCommands() throws Exception {
        SharedSpark.resetWarehouse();
        warehouse = SharedSpark.warehouse();
        LandingFixture landing = new LandingFixture(SharedSpark.newTempDir("landing-audit-"));
        Path confDir = SharedSpark.newTempDir("conf-audit-");
        reports = confDir.resolve("reports");
        Path config = confDir.resolve("lakehouse.conf");
        Files.writeString(config, "lakehouse.reports.folder = \"" + reports + "\"\n"
                + "lakehouse.demo.generate-when-landing-empty = false\n");
        // A file name a shell would need quoted: the command line is stored as data, whatever it holds.
        Path freshness = confDir.resolve("gates it's.conf");
        Files.writeString(freshness, "include \"lakehouse.conf\"\n"
                + "lakehouse.quality-gates.datasets.telco_capex.max-delivery-age-days = 2\n"
                + "lakehouse.quality-gates.datasets.gpu_shipments.max-quarantine-rate = 0\n");

        landing.defaultReferences(NIGHT1);
        landing.text("telco_capex", NIGHT1, "capex.csv", """
                record_id,operator_id,country_iso,period_date,asset_class,amount,currency,updated_at
                C1,SKT,KR,2025-12-01,RAN,1000000,KRW,2025-12-10T00:00:00Z
                C2,DTAG,DE,2025-12-01,FIBER,200.5,EUR,2025-12-10T00:00:00Z
                C3,SKT,KR,2026-01-01,AI_COMPUTE,500000,KRW,2026-01-02T00:00:00Z
                C4,DTAG,DE,2026-01-01,AI_DATACENTER,300,EUR,2026-01-02T00:00:00Z
                """);
        landing.text("energy_prices", NIGHT1, "prices.csv", """
                zone,country_iso,interval_start,interval_minutes,price,currency,market
                DE-LU,DE,2026-01-04T00:00:00Z,60,85.50,EUR,DAY_AHEAD
                DE-LU,DE,2026-01-04T01:00:00Z,60,90,EUR,DAY_AHEAD
                """);
        String shipmentsHeader = "shipment_id,ship_date,vendor,product,units,unit_price,currency,buyer_id,"
                + "destination_country_iso,site_id\n";
        landing.text("gpu_shipments", NIGHT1, "shipments.csv", shipmentsHeader + """
                G1,2025-12-15,NVIDIA,H200,8,30000,USD,MSFT,US,SITE-2
                G2,2025-12-20,AMD,MI300X,4,2000000,KRW,SKT,KR,
                """);
        // Night 2: G13 has 0 units, the one quarantined row of 8.
        landing.text("gpu_shipments", NIGHT2, "shipments.csv", shipmentsHeader + """
                G10,2026-01-02,NVIDIA,H100,16,25000,USD,MSFT,US,SITE-2
                G11,2026-01-02,NVIDIA,H100,8,25000,USD,MSFT,US,SITE-2
                G12,2026-01-03,HUAWEI,ASCEND_910B,32,,USD,SKT,KR,SITE-1
                G13,2026-01-03,NVIDIA,H100,0,25000,USD,MSFT,US,
                G14,2026-01-04,AMD,MI300X,4,15000,USD,DTAG,DE,
                G15,2026-01-04,NVIDIA,H200,8,32000,USD,DTAG,DE,
                G16,2026-01-05,NVIDIA,B200,8,40000,USD,SKT,KR,SITE-1
                G17,2026-01-05,INTEL,GAUDI3,8,12000,USD,DTAG,DE,
                """);
        landing.text("energy_prices", NIGHT2, "prices.csv", """
                zone,country_iso,interval_start,interval_minutes,price,currency,market
                DE-LU,DE,2026-01-05T00:00:00Z,60,70,EUR,DAY_AHEAD
                DE-LU,DE,2026-01-05T01:00:00Z,60,72.5,EUR,DAY_AHEAD
                """);
        landing.text("operators", "2026-01-20", "operators.csv", """
                operator_id,name,operator_type,home_country_iso,parent_group
                SKT,SK Telecom,TELECOM,KR,SK Group
                """);

        String[] common = {"--landing", landing.rootPath(), "--warehouse", SharedSpark.warehouseRoot()};
        confFolder = confDir;
        landingFolder = landing.rootPath();
        night1 = run(config, common, "nightly", "--run-date", NIGHT1);
        goldVersionsAfterNight1 = goldVersions();
        night2 = run(config, common, "nightly", "--run-date", NIGHT2);
        goldVersionsAfterNight2 = goldVersions();
        freshPasses = run(freshness, common, "ingest", "--run-date", "2026-01-07", "--datasets",
                "telco_capex,gpu_shipments");
        freshFails = run(freshness, common, "ingest", "--run-date", "2026-01-08", "--datasets",
                "telco_capex,gpu_shipments");
        // Last: the failed operators batch stays unfinished, and every later run would retry it.
        broken = run(config, common, "ingest", "--run-date", "2026-01-20", "--datasets", "operators");
    }

    private static Outcome run(Path config, String[] common, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of(common));
        args.add("--config");
        args.add(config.toString());
        StringWriter err = new StringWriter();
        CommandLine cli = LakehouseCli.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K created = CommandLine.defaultFactory().create(type);
                if (created instanceof SparkJob job) {
                    job.sessions = SHARED;
                }
                return created;
            }
        });
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args.toArray(String[]::new));
        return new Outcome(code, err.toString(), command[0], command[2]);
    }

    private static Map<String, Long> goldVersions() {
        Map<String, Long> versions = new TreeMap<>();
        for (GoldReport report : GoldReports.ALL) {
            String table = Layer.GOLD.table(report.name());
            if (warehouse.exists(table)) {
                versions.put(table, warehouse.version(table));
            }
        }
        return versions;
    }

    /** The rows of the one run of this command for this run date. */
    private static List<Row> rowsOf(Outcome outcome) {
        List<Row> rows = warehouse.read(JobRuns.TABLE).where(col("command").equalTo(outcome.command())
                .and(col("run_date").equalTo(Date.valueOf(outcome.runDate())))).collectAsList();
        assertFalse(rows.isEmpty(), "no rows for " + outcome);
        return rows;
    }

    /** stage/target -> "STATUS in/out/quarantined {versions} error", one string per row to compare at once. */
    private static Map<String, String> summary(List<Row> rows) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Row r : rows) {
            String key = r.getAs("stage") + (r.getAs("target") == null ? "" : "/" + r.getAs("target"));
            if (key.equals("run") && "RUNNING".equals(r.getAs("status"))) {
                key = "run(start)";
            }
            String value = r.getAs("status") + " " + r.getAs("rows_in") + "/" + r.getAs("rows_out") + "/"
                    + r.getAs("rows_quarantined") + " " + new TreeMap<>(r.<String, Long>getJavaMap(
                    r.fieldIndex("table_versions"))) + (r.getAs("error_message") == null ? ""
                    : " " + r.getAs("error_message"));
            assertNull(out.put(key, value), "one row per stage and target: " + key);
        }
        return out;
    }

    /** The versions ingest records for one dataset, all three tables at {@code version}. */
    /** Versions after a night's batch: quarantine is appended to only by the nights that rejected a row. */
    private static Map<String, Long> ingested(String table, String dataset, long version, long quarantineVersion) {
        Map<String, Long> versions = new TreeMap<>();
        versions.put("bronze." + dataset, version);
        versions.put("quarantine." + dataset, quarantineVersion);
        versions.put(table, version);
        if (table.startsWith("silver.")) {
            // Each batch of a fact dataset writes its versions table as often as silver.
            versions.put(table + "_versions", version);
        }
        return versions;
    }

    @SafeVarargs
    private static String versions(Map<String, Long>... maps) {
        Map<String, Long> all = new TreeMap<>();
        for (Map<String, Long> map : maps) {
            all.putAll(map);
        }
        return all.toString();
    }

    // ---------------------------------------------------------------- a night that passes

    @Test
    void aSuccessfulNightHasOneRowPerStageAndTarget() {
        assertEquals(0, night1.code(), night1.err());
        List<Row> rows = rowsOf(night1);
        Map<String, String> s = summary(rows);
        assertEquals("RUNNING null/null/null {}", s.get("run(start)"));
        assertEquals("SUCCEEDED 3/3/0 " + versions(ingested("reference.fx_rates", "fx_rates", 1, 0)),
                s.get("ingest/fx_rates"));
        assertEquals("SUCCEEDED 3/3/0 " + versions(ingested("reference.operators", "operators", 1, 0)),
                s.get("ingest/operators"));
        assertEquals("SUCCEEDED 2/2/0 " + versions(ingested("reference.sites", "sites", 1, 0)), s.get("ingest/sites"));
        assertEquals("SUCCEEDED 22/22/0 " + versions(ingested("reference.accelerators", "accelerators", 1, 0)),
                s.get("ingest/accelerators"));
        assertEquals("SUCCEEDED 4/4/0 " + versions(ingested("silver.telco_capex", "telco_capex", 1, 0)),
                s.get("ingest/telco_capex"));
        assertEquals("SUCCEEDED 2/2/0 " + versions(ingested("silver.energy_prices", "energy_prices", 1, 0)),
                s.get("ingest/energy_prices"));
        assertEquals("SUCCEEDED 2/2/0 " + versions(ingested("silver.gpu_shipments", "gpu_shipments", 1, 0)),
                s.get("ingest/gpu_shipments"));
        assertTrue(s.get("ingest").startsWith("SUCCEEDED 38/38/0 {"), s.get("ingest"));
        assertEquals("SUCCEEDED null/null/null {}", s.get("gates"));
        // Every report was computed once into a new table (version 0 created it, 1 holds the rows).
        long goldRows = 0;
        for (GoldReport report : GoldReports.ALL) {
            String table = Layer.GOLD.table(report.name());
            long count = warehouse.read(table).count();
            goldRows += count;
            // Created at version 0; an overwrite with no rows (no DAY_AHEAD price in the sites' zones KR and
            // ERCOT gives no site energy cost; one night restates nothing) commits nothing, so the table stays there.
            long version = report.name().equals("site_energy_cost") || report.historical() ? 0 : 1;
            assertEquals(version == 0, count == 0, table + " has " + count + " rows");
            assertEquals("SUCCEEDED null/" + count + "/null {" + table + "=" + version + "}",
                    s.get("report/" + report.name()));
            assertEquals(version, goldVersionsAfterNight1.get(table));
        }
        assertTrue(goldRows > 0);
        assertEquals("SUCCEEDED null/" + goldRows + "/null {}", s.get("export"));
        assertTrue(Files.isRegularFile(reports.resolve(NIGHT1).resolve("report.html")));
        assertTrue(s.get("run").startsWith("SUCCEEDED null/null/null {bronze.accelerators=1, "), s.get("run"));
        assertEquals(1 + 7 + 1 + 1 + GoldReports.ALL.size() + 1 + 1 + 1, rows.size(), s.toString());

        Row start = rows.stream().filter(r -> "RUNNING".equals(r.getAs("status"))).findFirst().orElseThrow();
        Row end = rows.stream().filter(r -> "run".equals(r.getAs("stage")) && r.getAs("finished_at") != null)
                .findFirst().orElseThrow();
        assertEquals("run", start.getAs("stage"));
        assertNull(start.getAs("finished_at"));
        assertEquals(start.<Object>getAs("started_at"), end.getAs("started_at"));
        assertTrue(!end.<java.sql.Timestamp>getAs("finished_at").before(end.getAs("started_at")));
        for (Row r : rows) {
            assertEquals(start.<String>getAs("run_id"), r.getAs("run_id"));
            assertEquals("nightly", r.getAs("command"));
            assertEquals(Date.valueOf(NIGHT1), r.getAs("run_date"));
        }
        // The final row holds every version the run wrote: 7 datasets x 3 tables, the 3 fact datasets' versions
        // tables and every report.
        assertEquals(7 * 3 + 3 + GoldReports.ALL.size(), end.getJavaMap(end.fieldIndex("table_versions")).size());
    }

    // ---------------------------------------------------------------- a gate that fails

    @Test
    void aFailedGateExitsOneWithOneLineNamingTheDataset() {
        assertEquals(1, night2.code(), night2.err());
        assertEquals(List.of("error: " + GATE_MESSAGE), night2.errLines());
    }

    @Test
    void aFailedGateLeavesGoldAsItWasAndExportsNothing() {
        assertEquals(GoldReports.ALL.size(), goldVersionsAfterNight1.size());
        assertEquals(goldVersionsAfterNight1, goldVersionsAfterNight2);
        assertFalse(Files.exists(reports.resolve(NIGHT2)));
        // The ingested data itself is whole: 2 + 7 valid shipments in silver, the bad one in quarantine.
        assertEquals(9, warehouse.read("silver.gpu_shipments").count());
        assertEquals(1, warehouse.read("quarantine.gpu_shipments").count());
    }

    @Test
    void aFailedGateIsRecordedAndLaterStagesAreSkipped() {
        Map<String, String> s = summary(rowsOf(night2));
        assertEquals("RUNNING null/null/null {}", s.get("run(start)"));
        assertEquals("SUCCEEDED 8/7/1 " + versions(ingested("silver.gpu_shipments", "gpu_shipments", 2, 1)),
                s.get("ingest/gpu_shipments"));
        assertEquals("SUCCEEDED 2/2/0 " + versions(ingested("silver.energy_prices", "energy_prices", 2, 0)),
                s.get("ingest/energy_prices"));
        for (String nothingNew : List.of("operators", "fx_rates", "sites", "accelerators", "telco_capex")) {
            assertEquals("SUCCEEDED 0/0/0 {}", s.get("ingest/" + nothingNew), nothingNew);
        }
        assertEquals("SUCCEEDED 10/9/1 " + versions(ingested("silver.energy_prices", "energy_prices", 2, 0),
                ingested("silver.gpu_shipments", "gpu_shipments", 2, 1)), s.get("ingest"));
        String reason = GATE_MESSAGE.substring("quality gate failed: ".length());
        assertEquals("FAILED null/null/null {} " + reason, s.get("gates/gpu_shipments"));
        assertEquals("FAILED null/null/null {} " + GATE_MESSAGE, s.get("gates"));
        assertEquals("SKIPPED null/null/null {} " + GATE_MESSAGE, s.get("report"));
        assertEquals("SKIPPED null/null/null {} " + GATE_MESSAGE, s.get("export"));
        assertEquals("FAILED null/null/null " + versions(ingested("silver.energy_prices", "energy_prices", 2, 0),
                ingested("silver.gpu_shipments", "gpu_shipments", 2, 1)) + " " + GATE_MESSAGE, s.get("run"));
        assertEquals(14, s.size(), s.toString());
    }

    // ---------------------------------------------------------------- freshness

    @Test
    void freshnessWithinItsLimitPassesAndNoRowsReadIsNoQuarantineFailure() {
        assertEquals(0, freshPasses.code(), freshPasses.err());
        Map<String, String> s = summary(rowsOf(freshPasses));
        assertEquals("SUCCEEDED null/null/null {}", s.get("gates"));
        assertEquals("SUCCEEDED 0/0/0 {}", s.get("ingest/gpu_shipments"));
        assertEquals("SUCCEEDED null/null/null {}", s.get("run"));
        // ingest has no report stage: start, two datasets, ingest, gates, end.
        assertEquals(6, s.size(), s.toString());
    }

    @Test
    void aStaleDatasetFailsTheRunNamingIt() {
        assertEquals(1, freshFails.code(), freshFails.err());
        assertEquals(List.of("error: " + FRESHNESS_MESSAGE), freshFails.errLines());
        Map<String, String> s = summary(rowsOf(freshFails));
        assertEquals("FAILED null/null/null {} " + FRESHNESS_MESSAGE.substring("quality gate failed: ".length()),
                s.get("gates/telco_capex"));
        assertEquals("FAILED null/null/null {} " + FRESHNESS_MESSAGE, s.get("gates"));
        assertEquals("FAILED null/null/null {} " + FRESHNESS_MESSAGE, s.get("run"));
        assertEquals(7, s.size(), s.toString());
    }

    @Test
    void theCommandLineIsStoredAsGivenQuotedWhereAShellNeedsIt() {
        for (Row row : rowsOf(freshFails)) {
            assertEquals("ingest --run-date 2026-01-08 --datasets telco_capex,gpu_shipments --landing "
                    + landingFolder + " --warehouse " + SharedSpark.warehouseRoot() + " --config '" + confFolder
                    + "/gates it'\\''s.conf'", row.getAs("command_line"));
        }
    }

    // ---------------------------------------------------------------- a failure that is not a gate

    @Test
    void aFailedRunRecordsTheOneLineErrorOfItsStageAndItsEnd() {
        assertEquals(1, broken.code(), broken.err());
        assertEquals(List.of("error: " + NO_VALID_OPERATOR), broken.errLines());
        Map<String, String> s = summary(rowsOf(broken));
        assertEquals("RUNNING null/null/null {}", s.get("run(start)"));
        assertEquals("FAILED null/null/null {} " + NO_VALID_OPERATOR, s.get("ingest"));
        assertEquals("FAILED null/null/null {} " + NO_VALID_OPERATOR, s.get("run"));
        assertEquals(3, s.size(), s.toString());
    }

    @Test
    void everyRunIsCompleteAndHasItsOwnId() {
        List<Row> runs = warehouse.read(JobRuns.TABLE).where(col("stage").equalTo("run"))
                .groupBy("run_id").count().collectAsList();
        assertEquals(5, runs.size());
        for (Row run : runs) {
            assertEquals(2L, run.getLong(1), "a RUNNING row and a final row: " + run.getString(0));
        }
        for (Outcome outcome : List.of(night1, night2, freshPasses, freshFails, broken)) {
            Row end = rowsOf(outcome).stream().filter(r -> "run".equals(r.getAs("stage"))
                    && !"RUNNING".equals(r.getAs("status"))).findFirst().orElseThrow();
            assertNotNull(end.getAs("finished_at"));
            assertEquals(outcome.code() == 0 ? "SUCCEEDED" : "FAILED", end.getAs("status"));
        }
    }
}
