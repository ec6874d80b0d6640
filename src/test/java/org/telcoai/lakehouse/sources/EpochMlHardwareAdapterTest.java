package org.telcoai.lakehouse.sources;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.landing.LandingZone;
import org.telcoai.lakehouse.pipeline.IngestJob;
import org.telcoai.lakehouse.testing.SharedData;
import org.telcoai.lakehouse.testing.SharedSpark;
import org.telcoai.lakehouse.warehouse.Warehouse;

class EpochMlHardwareAdapterTest {

    private static final LocalDate DELIVERY = LocalDate.of(2025, 12, 14);
    private static final String FILE = "epoch-ml-hardware-ml_hardware.csv";

    @TempDir
    Path landing;

    private static Path fixture() throws URISyntaxException {
        return Path.of(EpochMlHardwareAdapterTest.class.getResource("/sources/epoch/ml_hardware.csv").toURI());
    }

    private ImportResult run(Path input) throws IOException {
        EpochMlHardwareAdapter adapter = new EpochMlHardwareAdapter();
        try (LandingWriter out = new LandingWriter(landing, DELIVERY, adapter.name())) {
            return adapter.convert(input, out);
        }
    }

    private List<String> lines() throws IOException {
        return Files.readAllLines(landing.resolve("accelerators").resolve(DELIVERY.toString()).resolve(FILE),
                StandardCharsets.UTF_8);
    }

    private static List<String> builtinLines() throws Exception {
        return Files.readAllLines(Path.of(EpochMlHardwareAdapterTest.class.getResource("/reference/accelerators.csv")
                .toURI()));
    }

    @Test
    void fixtureBecomesExactLandingRowsAfterTheBuiltinsEpochDoesNotList() throws Exception {
        ImportResult result = run(fixture());

        assertEquals(8, result.rowsRead());
        assertEquals(Map.of("no hardware name", 1L, "repeated product code", 1L), result.rowsSkipped());
        List<String> builtin = builtinLines();
        // Epoch lists A100 and ASCEND_910B too: its rows replace those two built-in ones.
        List<String> keptBuiltin = builtin.stream().skip(1)
                .filter(l -> !l.startsWith("A100,") && !l.startsWith("ASCEND_910B,")).toList();
        assertEquals(builtin.size() - 3, keptBuiltin.size());
        List<String> written = lines();
        assertEquals(builtin.get(0), written.get(0), "header");
        assertEquals(keptBuiltin, written.subList(1, 1 + keptBuiltin.size()));
        assertEquals(List.of(
                // the larger 16-bit figure (tensor 989.4 over plain FP16 133.8); INT8 as the 8-bit figure
                "H100_SXM5_80GB,NVIDIA,NVIDIA H100 SXM5 80GB,NVIDIA,GPU,2022-09-20,989.4,1979",
                // FP16 only; no 8-bit figure
                "ASCEND_910B,HUAWEI,Huawei Ascend 910B,Huawei,GPU,2022-03-17,376,",
                // scientific notation; a manufacturer outside the vendor codes is OTHER, and kept as received
                "TPU_V4,OTHER,Google TPU v4,Google,TPU,2021-05-18,275,275",
                "A100,NVIDIA,NVIDIA A100,NVIDIA,GPU,2020-03-01,312,624",
                // 'inf' is written as received: validation quarantines it
                "MYSTERY_CHIP_X1,OTHER,Mystery Chip X1,,,,inf,",
                // 1,234,567.891 FLOP/s is 0.000001 TFLOP/s at the column's 6 decimals; a bad date as received
                "ODD_ACCELERATOR,OTHER,Odd Accelerator,Cerebras,ASIC,2024-13-01,,0.000001"),
                written.subList(1 + keptBuiltin.size(), written.size()));
        assertEquals(Map.of("accelerators", (long) keptBuiltin.size() + 6), result.rowsWritten());
    }

    @Test
    void teraKeepsTheLargerFigureAndPassesTextThrough() {
        assertEquals("989.4", EpochMlHardwareAdapter.tera("989400000000000.0", "133800000000000.0"));
        assertEquals("2516.6", EpochMlHardwareAdapter.tera("2.5166e+15", "2340000000000000.0"));
        assertEquals("1000", EpochMlHardwareAdapter.tera("", "1E+15"));
        assertEquals("", EpochMlHardwareAdapter.tera(" ", ""));
        assertEquals("N/A", EpochMlHardwareAdapter.tera("1E+15", "N/A"));
    }

    @Test
    void registeredUnderItsSourceName() {
        assertTrue(SourceAdapters.byName("epoch-ml-hardware").orElseThrow() instanceof EpochMlHardwareAdapter);
    }

    /** The delivery through a real ingest: every row in reference.accelerators or quarantined with its reason. */
    @Test
    void ingestAcceptsGoodRowsAndQuarantinesTheOthersWithReasons() throws Exception {
        ImportResult result = run(fixture());
        SharedSpark.resetWarehouse();
        Warehouse warehouse = SharedSpark.warehouse();
        new IngestJob(warehouse, new LandingZone(landing.toString(),
                SharedSpark.spark().sparkContext().hadoopConfiguration()), "run-ml-hardware")
                .run(DELIVERY, List.of(Datasets.ACCELERATORS));

        long written = result.rowsWritten().get("accelerators");
        assertEquals(written - 2, warehouse.read("reference.accelerators").count());
        Row h100 = warehouse.read("reference.accelerators").where(col("product").equalTo("H100_SXM5_80GB")).head();
        assertEquals(0, new BigDecimal("989.4").compareTo(h100.getDecimal(h100.fieldIndex("tflops_16bit"))));
        assertEquals("2022-09-20", h100.getDate(h100.fieldIndex("release_date")).toString());
        Map<String, List<String>> reasons = new HashMap<>();
        for (Row q : warehouse.read("quarantine.accelerators").collectAsList()) {
            reasons.put(q.getString(q.fieldIndex("product")), q.getList(q.fieldIndex("reasons")));
        }
        assertEquals(Map.of("MYSTERY_CHIP_X1", List.of("BAD_NUMBER"), "ODD_ACCELERATOR", List.of("BAD_DATE")),
                reasons);
    }

    @Test
    void realEpochFileEveryRowWrittenOrCountedAndH100MatchesEpoch() throws Exception {
        Path real = SharedData.file("epoch_ai_hardware", "ml_hardware.csv");
        Matcher m = Pattern.compile("`ml_hardware.csv` — (\\d+) rows")
                .matcher(Files.readString(real.resolveSibling("SOURCE.md")));
        assertTrue(m.find(), "row count in SOURCE.md");

        ImportResult result = run(real.getParent());

        System.out.println("epoch-ml-hardware on real file: " + result);
        assertEquals(Long.parseLong(m.group(1)), result.rowsRead());
        long skipped = result.rowsSkipped().values().stream().mapToLong(Long::longValue).sum();
        java.util.Set<String> epochProducts = new java.util.HashSet<>();
        var parser = SourceCsv.parser(',');
        parser.beginParsing(real.toFile(), StandardCharsets.UTF_8);
        int name = List.of(parser.parseNext()).indexOf("Hardware name");
        String[] row;
        while ((row = parser.parseNext()) != null) {
            String product = EpochGpuClustersAdapter.product(SourceCsv.cell(row, name));
            if (!product.isEmpty()) {
                epochProducts.add(product);
            }
        }
        assertEquals(result.rowsRead() - skipped, epochProducts.size(), "every Epoch row written or counted");
        long keptBuiltin = builtinLines().stream().skip(1).map(l -> l.split(",", 2)[0])
                .filter(p -> !epochProducts.contains(p)).count();
        List<String> written = lines();
        assertEquals(epochProducts.size() + keptBuiltin, written.size() - 1);
        assertTrue(written.contains("H100_SXM5_80GB,NVIDIA,NVIDIA H100 SXM5 80GB,NVIDIA,GPU,2022-09-20,989.4,1979"));
    }
}
