package org.telcoai.lakehouse.sources;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Epoch AI "Machine Learning Hardware" export ({@code ml_hardware.csv}) into the {@code accelerators} reference
 * table, so that reports can count capacity in H100-equivalents next to units. Rules:
 * <ul>
 * <li>product = the Hardware name coded as {@link EpochGpuClustersAdapter#product} codes a cluster's chip type, so
 * {@code NVIDIA H100 SXM5 80GB} is {@code H100_SXM5_80GB} in both tables and they join.</li>
 * <li>vendor from Manufacturer as for clusters (NVIDIA, HUAWEI, AMD, INTEL, else OTHER); manufacturer, type and
 * release date as received.</li>
 * <li>tflops_16bit = the larger of "Tensor-FP16/BF16" and "FP16" FLOP/s, divided by 10^12; tops_8bit = the larger
 * of "FP8" FLOP/s and "INT8" OP/s, divided by 10^12. Both are rounded to 6 decimals (1 MFLOP/s), the column's
 * scale. A cell that is not a number (Epoch writes {@code inf} in some computed columns) is written as received,
 * so validation quarantines the row instead of a figure being guessed.</li>
 * <li>A product code that repeats an earlier row's is not written (counted as {@code repeated product code}): a
 * reference key holds one row.</li>
 * <li>A reference delivery replaces the whole table, so the file also holds the built-in rows
 * ({@code reference/accelerators.csv}) whose product Epoch does not list; where both list one, Epoch's row
 * wins.</li>
 * </ul>
 */
public final class EpochMlHardwareAdapter implements SourceAdapter {

    static final String DATASET = "accelerators";
    static final String FILE = "ml_hardware";

    @Override
    public String name() {
        return "epoch-ml-hardware";
    }

    @Override
    public String description() {
        return "Epoch AI ML hardware (ml_hardware.csv): accelerator products and their 16/8-bit throughput";
    }

    @Override
    public ImportResult convert(Path input, LandingWriter out) throws IOException {
        Path file = Files.isDirectory(input) ? input.resolve(FILE + ".csv") : input;
        Map<String, List<String>> epochRows = new LinkedHashMap<>();
        Map<String, Long> skipped = SourceCsv.counter();
        long read = SourceCsv.readRows(file, ',', (path, landingName, header) -> {
            int[] idx = SourceCsv.indexes(path, header, "Hardware name", "Manufacturer", "Type", "Release date",
                    "Tensor-FP16/BF16 performance (FLOP/s)", "FP16 (half precision) performance (FLOP/s)",
                    "FP8 performance (FLOP/s)", "INT8 performance (OP/s)");
            return row -> {
                String name = SourceCsv.cell(row, idx[0]).strip();
                String product = EpochGpuClustersAdapter.product(name);
                if (product.isEmpty()) {
                    skipped.merge("no hardware name", 1L, Long::sum);
                    return;
                }
                if (epochRows.containsKey(product)) {
                    skipped.merge("repeated product code", 1L, Long::sum);
                    return;
                }
                String manufacturer = SourceCsv.cell(row, idx[1]).strip();
                epochRows.put(product, List.of(product, EpochGpuClustersAdapter.vendor(manufacturer), name,
                        manufacturer, SourceCsv.cell(row, idx[2]).strip(), SourceCsv.cell(row, idx[3]).strip(),
                        tera(SourceCsv.cell(row, idx[4]), SourceCsv.cell(row, idx[5])),
                        tera(SourceCsv.cell(row, idx[6]), SourceCsv.cell(row, idx[7]))));
            };
        });
        for (List<String> builtin : builtinRows()) {
            if (!epochRows.containsKey(builtin.get(0))) {
                out.write(DATASET, FILE, builtin);
            }
        }
        for (List<String> row : epochRows.values()) {
            out.write(DATASET, FILE, row);
        }
        return new ImportResult(read, out.rowsWritten(), skipped);
    }

    /**
     * The larger of two per-second figures, in units of 10^12, at 6 decimals; empty when both are empty. A cell
     * that is not a number is returned as received (validation then quarantines the row).
     */
    static String tera(String first, String second) {
        BigDecimal best = null;
        for (String cell : List.of(first.strip(), second.strip())) {
            if (cell.isEmpty()) {
                continue;
            }
            BigDecimal value;
            try {
                value = new BigDecimal(cell);
            } catch (NumberFormatException e) {
                return cell;
            }
            if (best == null || value.compareTo(best) > 0) {
                best = value;
            }
        }
        if (best == null) {
            return "";
        }
        BigDecimal tera = best.movePointLeft(12).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        return tera.scale() < 0 ? tera.setScale(0).toPlainString() : tera.toPlainString();
    }

    private static List<List<String>> builtinRows() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        SourceCsv.readClasspath("reference/accelerators.csv", r -> rows.add(SourceCsv.datasetRow(r, DATASET)));
        return rows;
    }
}
