package org.telcoai.lakehouse.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telcoai.lakehouse.testing.SharedData;

class EpochGpuClustersAdapterTest {

    private static final LocalDate DELIVERY = LocalDate.of(2025, 12, 14);
    private static final String FILE = "epoch-gpu-clusters-gpu_clusters.csv";

    @TempDir
    Path landing;

    private static Path fixture() throws URISyntaxException {
        return Path.of(EpochGpuClustersAdapterTest.class.getResource("/sources/epoch/gpu_clusters.csv").toURI());
    }

    private ImportResult run(EpochGpuClustersAdapter adapter, Path input) throws IOException {
        try (LandingWriter out = new LandingWriter(landing, DELIVERY, adapter.name())) {
            return adapter.convert(input, out);
        }
    }

    private List<String> lines(String dataset) throws IOException {
        return Files.readAllLines(landing.resolve(dataset).resolve(DELIVERY.toString()).resolve(FILE),
                StandardCharsets.UTF_8);
    }

    private static List<String> resourceLines(String resource) throws Exception {
        return Files.readAllLines(Path.of(EpochGpuClustersAdapterTest.class.getResource(resource).toURI()));
    }

    @Test
    void fixtureBecomesExactLandingRows() throws Exception {
        ImportResult result = run(new EpochGpuClustersAdapter(), fixture());

        assertEquals(6, result.rowsRead());
        assertEquals(Map.of("planned", 1L), result.rowsSkipped());
        assertEquals(List.of(
                "shipment_id,ship_date,vendor,product,units,unit_price,currency,buyer_id,destination_country_iso,site_id",
                "EPOCH-SOFTBANK-JAPAN-DGX-SUPERPOD,2024-09-01,NVIDIA,H100_SXM5_80GB,4000,,USD,SOFTBANK,JP,"
                        + "EPOCH-SOFTBANK-JAPAN-DGX-SUPERPOD",
                // The cluster's secondary chips: a second record at the same site.
                "EPOCH-SOFTBANK-JAPAN-DGX-SUPERPOD-SECONDARY,2024-09-01,NVIDIA,H200_SXM,512,,USD,SOFTBANK,JP,"
                        + "EPOCH-SOFTBANK-JAPAN-DGX-SUPERPOD",
                "EPOCH-ACME-COMPUTE-LABS-CLUSTER-1,2024-03-15,HUAWEI,ASCEND_910B,1000,,USD,"
                        + "EPOCH-OWNER-ACME-COMPUTE-LABS,CN,EPOCH-ACME-COMPUTE-LABS-CLUSTER-1",
                "EPOCH-ANONYMIZED-CHINESE-SYSTEM,2019-11-15,OTHER,,,,USD,,Atlantis,EPOCH-ANONYMIZED-CHINESE-SYSTEM",
                "EPOCH-ANONYMIZED-CHINESE-SYSTEM-2,,OTHER,,600,,USD,,CN,EPOCH-ANONYMIZED-CHINESE-SYSTEM-2",
                "EPOCH-OLD-AZURE-MI300X-POD,2025-01-14,AMD,INSTINCT_MI300X,1500,,USD,MSFT,US,EPOCH-OLD-AZURE-MI300X-POD"),
                lines("gpu_shipments"));

        // A reference delivery replaces the whole table: built-in defaults first, then the new rows.
        List<String> defaultOperators = resourceLines("/reference/operators.csv");
        List<String> operators = lines("operators");
        assertEquals(defaultOperators, operators.subList(0, defaultOperators.size()));
        assertEquals(List.of("EPOCH-OWNER-ACME-COMPUTE-LABS,Acme Compute Labs,,,"),
                operators.subList(defaultOperators.size(), operators.size()));

        List<String> defaultSites = resourceLines("/reference/sites.csv");
        List<String> sites = lines("sites");
        assertEquals(defaultSites, sites.subList(0, defaultSites.size()));
        assertEquals(List.of(
                "EPOCH-SOFTBANK-JAPAN-DGX-SUPERPOD,SOFTBANK,JP,,5.123,,2024-09-01",
                "EPOCH-ACME-COMPUTE-LABS-CLUSTER-1,EPOCH-OWNER-ACME-COMPUTE-LABS,CN,,12.5,,2024-03-15",
                "EPOCH-ANONYMIZED-CHINESE-SYSTEM,,Atlantis,,,,2019-11-15",
                "EPOCH-ANONYMIZED-CHINESE-SYSTEM-2,,CN,,,,",
                "EPOCH-OLD-AZURE-MI300X-POD,MSFT,US,,,,2025-01-14"),
                sites.subList(defaultSites.size(), sites.size()));

        assertEquals(Map.of("gpu_shipments", 6L, "operators", defaultOperators.size() - 1L + 1,
                "sites", defaultSites.size() - 1L + 5), result.rowsWritten());
    }

    @Test
    void registeredUnderItsSourceName() {
        assertTrue(SourceAdapters.byName("epoch-gpu-clusters").orElseThrow() instanceof EpochGpuClustersAdapter);
    }

    @Test
    void includePlannedWritesPlannedClustersToo() throws Exception {
        ImportResult result = run(new EpochGpuClustersAdapter(true), fixture());

        assertEquals(Map.of(), result.rowsSkipped());
        assertEquals(7L, result.rowsWritten().get("gpu_shipments"));
        assertTrue(lines("gpu_shipments").contains(
                "EPOCH-FUTURE-MEGA-CLUSTER,,OTHER,,,,USD,XAI,US,EPOCH-FUTURE-MEGA-CLUSTER"));
    }

    @Test
    void productAndVendorRules() {
        assertEquals("H100_SXM5_80GB", EpochGpuClustersAdapter.product("NVIDIA H100 SXM5 80GB"));
        assertEquals("A100", EpochGpuClustersAdapter.product("NVIDIA A100"));
        assertEquals("ASCEND_910B", EpochGpuClustersAdapter.product("Huawei Ascend 910B"));
        assertEquals("TPU_V4", EpochGpuClustersAdapter.product("Google TPU v4"));
        assertEquals("PEZY_SC2", EpochGpuClustersAdapter.product("PEZY-SC2"));
        assertEquals("NVIDIA", EpochGpuClustersAdapter.vendor("NVIDIA"));
        assertEquals("INTEL", EpochGpuClustersAdapter.vendor("Intel"));
        assertEquals("OTHER", EpochGpuClustersAdapter.vendor("Anonymized"));
        assertEquals("OTHER", EpochGpuClustersAdapter.vendor("Amazon AWS"));
    }

    @Test
    void realEpochFileEveryRowWrittenOrCounted() throws Exception {
        Path real = SharedData.file("epoch_ai_hardware", "gpu_clusters.csv");
        String sourceMd = Files.readString(real.resolveSibling("SOURCE.md"));
        Matcher m = Pattern.compile("`gpu_clusters.csv` — (\\d+) rows").matcher(sourceMd);
        assertTrue(m.find(), "row count in SOURCE.md");
        long documented = Long.parseLong(m.group(1));

        ImportResult result = run(new EpochGpuClustersAdapter(), real);

        System.out.println("epoch-gpu-clusters on real file: " + result);
        assertEquals(documented, result.rowsRead());
        long skipped = result.rowsSkipped().values().stream().mapToLong(Long::longValue).sum();
        List<String> gpu = lines("gpu_shipments");
        long secondary = gpu.stream().filter(l -> l.split(",", 2)[0].endsWith("-SECONDARY")).count();
        // Counted with a CSV reader: 22 existing or decommissioned clusters name a secondary chip type or quantity.
        assertEquals(22, secondary);
        assertEquals(result.rowsRead(), result.rowsWritten().get("gpu_shipments") - secondary + skipped);
        assertEquals(gpu.size() - 1, gpu.stream().skip(1).map(l -> l.split(",", 2)[0]).distinct().count(),
                "shipment ids are unique");
    }
}
