package org.telcoai.lakehouse.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telcoai.lakehouse.config.LakehouseConfig;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.pipeline.QualityGates.Failure;
import org.telcoai.lakehouse.pipeline.QualityGates.Limits;

/** The gates' arithmetic, messages and configuration; no Spark. */
class QualityGatesTest {

    private static final LocalDate RUN = LocalDate.parse("2026-01-08");

    @TempDir
    Path tmp;

    private static DatasetResult read(String dataset, long rows, long quarantined) {
        return new DatasetResult(dataset, 1, 0, 0, rows, rows - quarantined, quarantined, 0);
    }

    private static QualityGates rate(double limit) {
        return new QualityGates(Map.of("gpu_shipments", new Limits(limit, null),
                "energy_prices", new Limits(limit, null)));
    }

    private static QualityGates freshness(int days) {
        return new QualityGates(Map.of("telco_capex", new Limits(null, days), "operators", new Limits(null, days)));
    }

    private LakehouseConfig config(String hocon) throws Exception {
        Path file = tmp.resolve("test.conf");
        Files.writeString(file, hocon);
        return LakehouseConfig.load(file.toFile());
    }

    @Test
    void aRateOverTheLimitFailsNamingTheDataset() {
        List<Failure> failures = rate(0.10).evaluate(RUN, List.of(read("gpu_shipments", 400, 50)), Map.of());
        assertEquals(List.of(new Failure("gpu_shipments",
                "gpu_shipments quarantined 12.5% of 400 rows read (limit 10.0%)")), failures);
        assertEquals("quality gate failed: gpu_shipments quarantined 12.5% of 400 rows read (limit 10.0%)",
                new QualityGateException(failures).getMessage());
    }

    @Test
    void aRateAtOrUnderTheLimitPasses() {
        assertEquals(List.of(), rate(0.10).evaluate(RUN, List.of(read("gpu_shipments", 400, 40),
                read("energy_prices", 400, 39)), Map.of()));
    }

    @Test
    void noRowReadIsNoRateFailureEvenWithALimitOfZero() {
        assertEquals(List.of(), rate(0.0).evaluate(RUN, List.of(read("gpu_shipments", 0, 0)), Map.of()));
        assertEquals(1, rate(0.0).evaluate(RUN, List.of(read("gpu_shipments", 1000, 1)), Map.of()).size());
    }

    @Test
    void everyFailingDatasetIsNamedInOneLine() {
        List<Failure> failures = rate(0.10).evaluate(RUN, List.of(read("energy_prices", 10, 2),
                read("telco_capex", 10, 9), read("gpu_shipments", 8, 1)), Map.of());
        String message = new QualityGateException(failures).getMessage();
        assertEquals("quality gate failed: energy_prices quarantined 20.0% of 10 rows read (limit 10.0%); "
                + "gpu_shipments quarantined 12.5% of 8 rows read (limit 10.0%)", message);
        assertEquals(1, message.lines().count());
    }

    @Test
    void aRateThatRoundsToItsLimitShowsTheDigitsThatDiffer() {
        assertEquals("gpu_shipments quarantined 10.01% of 10000 rows read (limit 10.00%)",
                rate(0.10).evaluate(RUN, List.of(read("gpu_shipments", 10000, 1001)), Map.of()).get(0).reason());
    }

    @Test
    void freshnessCountsDaysFromTheNewestDeliveryToTheRunDate() {
        DatasetResult capex = read("telco_capex", 0, 0);
        assertEquals(List.of(), freshness(3).evaluate(RUN, List.of(capex),
                Map.of("telco_capex", LocalDate.parse("2026-01-05"))));
        assertEquals(List.of(new Failure("telco_capex",
                        "telco_capex newest delivery 2026-01-05 is 3 days before 2026-01-08 (limit 2 days)")),
                freshness(2).evaluate(RUN, List.of(capex), Map.of("telco_capex", LocalDate.parse("2026-01-05"))));
        assertEquals(List.of(new Failure("telco_capex", "telco_capex has no delivery up to 2026-01-08 (limit 2 days)")),
                freshness(2).evaluate(RUN, List.of(capex), Map.of()));
    }

    @Test
    void aReferenceDatasetNeverDeliveredRunsOnItsBuiltInTableAndPasses() {
        DatasetResult operators = read("operators", 0, 0);
        assertEquals(List.of(), freshness(0).evaluate(RUN, List.of(operators), Map.of()));
        assertEquals("operators newest delivery 2025-12-01 is 38 days before 2026-01-08 (limit 0 days)",
                freshness(0).evaluate(RUN, List.of(operators), Map.of("operators", LocalDate.parse("2025-12-01")))
                        .get(0).reason());
    }

    @Test
    void bothGatesOfOneDatasetMakeOneFailure() {
        QualityGates gates = new QualityGates(Map.of("telco_capex", new Limits(0.1, 1)));
        assertEquals(List.of(new Failure("telco_capex", "telco_capex quarantined 50.0% of 4 rows read (limit 10.0%); "
                        + "telco_capex has no delivery up to 2026-01-08 (limit 1 days)")),
                gates.evaluate(RUN, List.of(read("telco_capex", 4, 2)), Map.of()));
    }

    @Test
    void theBuiltInDefaultsAreTenPercentAndNoFreshness() throws Exception {
        QualityGates gates = config("").qualityGates();
        for (var spec : Datasets.ALL) {
            assertEquals(new Limits(0.10, null), gates.limits(spec.name()), spec.name());
        }
    }

    @Test
    void aDatasetBlockOverridesTheDefaultsKeyByKey() throws Exception {
        QualityGates gates = config("""
                lakehouse.quality-gates.default.max-delivery-age-days = 3
                lakehouse.quality-gates.datasets.gpu_shipments.max-quarantine-rate = 0.25
                lakehouse.quality-gates.datasets.operators.max-delivery-age-days = off
                lakehouse.quality-gates.datasets.sites { max-quarantine-rate = off, max-delivery-age-days = 40 }
                """).qualityGates();
        assertEquals(new Limits(0.25, 3), gates.limits("gpu_shipments"));
        assertEquals(new Limits(0.10, null), gates.limits("operators"));
        assertEquals(new Limits(null, 40), gates.limits("sites"));
        assertEquals(new Limits(0.10, 3), gates.limits("telco_capex"));
    }

    @Test
    void anUnknownDatasetOrALimitOutOfRangeIsAUsageError() throws Exception {
        LakehouseConfig typo = config("lakehouse.quality-gates.datasets.gpu_shipment.max-quarantine-rate = 0.2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, typo::qualityGates);
        assertTrue(e.getMessage().startsWith("lakehouse.quality-gates.datasets.gpu_shipment: unknown dataset"),
                e.getMessage());
        LakehouseConfig percent = config("lakehouse.quality-gates.default.max-quarantine-rate = 10");
        assertEquals("lakehouse.quality-gates.default.max-quarantine-rate must be a fraction 0..1 or off, not 10.0",
                assertThrows(IllegalArgumentException.class, percent::qualityGates).getMessage());
        LakehouseConfig negative = config("lakehouse.quality-gates.datasets.sites.max-delivery-age-days = -1");
        assertEquals("lakehouse.quality-gates.datasets.sites.max-delivery-age-days must be >= 0 or off, not -1",
                assertThrows(IllegalArgumentException.class, negative::qualityGates).getMessage());
    }

    /** The rates measured on the public files (README) pass conf/real-data.conf and fail the defaults. */
    @Test
    void realDataConfLetsThePublicFilesThroughAndTheDefaultsWouldNot() throws Exception {
        List<DatasetResult> measured = List.of(read("accelerators", 184, 0), read("operators", 170, 0),
                read("sites", 649, 298), read("gpu_shipments", 637, 327), read("energy_prices", 288_389, 228),
                read("telco_capex", 353, 318));
        LakehouseConfig realData = LakehouseConfig.load(new File("conf/real-data.conf"));
        assertEquals(List.of(), realData.qualityGates().evaluate(RUN, measured, Map.of()));
        // It builds on the application.conf beside it, wherever that is.
        Files.copy(Path.of("conf/real-data.conf"), tmp.resolve("real-data.conf"));
        Files.writeString(tmp.resolve("application.conf"), "lakehouse.demo.scale = 0.5\n");
        assertEquals(0.5, LakehouseConfig.load(tmp.resolve("real-data.conf").toFile()).demoScale());
        List<String> failing = LakehouseConfig.load(new File("conf/application.conf")).qualityGates()
                .evaluate(RUN, measured, Map.of()).stream().map(Failure::dataset).toList();
        assertEquals(List.of("sites", "gpu_shipments", "telco_capex"), failing);
    }
}
