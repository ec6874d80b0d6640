package org.telcoai.lakehouse.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the exports a person reads, per run date: {@code <folder>/<runDate>/<table>.csv} for every gold table
 * given, and {@code <folder>/<runDate>/report.html}, one self-contained page (charts inlined as PNG data URIs, no
 * script, nothing fetched from the network) with a small table under each chart.
 *
 * <p>Gold tables are small aggregates, so they are collected on the driver, sorted there by their key columns and
 * written with {@code java.nio} to the <b>local filesystem of the driver</b> (not through Hadoop FileSystem: the
 * folder cannot be an {@code s3a://} or {@code hdfs://} URI). Every file is written to a temporary name and moved
 * into place, so a reader never sees half a file; running again for the same date replaces the files.
 *
 * <p>A table that is missing, {@code null} or empty is not an error: an empty table still gets a header-only CSV,
 * a missing one gets no CSV, and every chart drawn from it says "no data".
 */
public final class ReportExporter {

    private static final Logger LOG = LoggerFactory.getLogger(ReportExporter.class);

    public static final String HTML_FILE = "report.html";

    static {
        // Charts are drawn with AWT on the driver, which has no display: headless before any AWT/JFreeChart class
        // initialises (ChartImages sets it too, for callers that reach it another way).
        System.setProperty("java.awt.headless", "true");
    }

    /** Known gold tables and their key columns, the order rows are sorted in the CSV files. */
    public static final Map<String, List<String>> KEY_COLUMNS = keyColumns();

    private final String thirdRegion;
    /** What the page's date is: the run date, or the delivery date an as-of report describes. */
    private final String dateMeaning;

    /** Third region of the vendor-share charts (after WORLD and CN): the one with the most GPU revenue. */
    public ReportExporter() {
        this(null);
    }

    /**
     * @param thirdRegion region code for the third GPU vendor-share chart (e.g. {@code US}); {@code null} picks the
     *                    region other than WORLD and CN with the most GPU revenue
     */
    public ReportExporter(String thirdRegion) {
        this(thirdRegion, "of run date");
    }

    private ReportExporter(String thirdRegion, String dateMeaning) {
        this.thirdRegion = thirdRegion == null || thirdRegion.isBlank() ? null : thirdRegion.trim().toUpperCase(Locale.ROOT);
        this.dateMeaning = dateMeaning;
    }

    /** The same exporter for reports as of a past delivery date: the page says so instead of "of run date". */
    public ReportExporter asOfDeliveryDate() {
        return new ReportExporter(thirdRegion, "as of delivery date");
    }

    private static Map<String, List<String>> keyColumns() {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("gpu_vendor_share", List.of("quarter", "region", "vendor"));
        keys.put("gpu_market_concentration", List.of("quarter", "region"));
        keys.put("gpu_buyer_share", List.of("year", "region", "buyer_type"));
        keys.put("sovereign_capacity", List.of("year", "country_iso"));
        keys.put("accelerator_capacity", List.of("year", "region", "buyer_type", "vendor"));
        keys.put("capex_trends", List.of("operator_id", "quarter"));
        keys.put("ai_capex_by_country", List.of("year", "country_iso"));
        keys.put("energy_price_monthly", List.of("zone", "market", "month"));
        keys.put("site_energy_cost", List.of("site_id", "month"));
        keys.put("capex_restatements", List.of("as_of", "operator_id", "quarter"));
        keys.put("gpu_shipment_restatements", List.of("as_of", "vendor", "quarter"));
        return java.util.Collections.unmodifiableMap(keys);
    }

    /**
     * Collects the gold tables on the driver and exports them.
     *
     * @param spark      the session the Datasets belong to (not otherwise used: the tables are collected as given)
     * @param goldTables table name ({@code gpu_vendor_share} or {@code gold.gpu_vendor_share}) to its rows;
     *                   missing or null entries are allowed
     * @param operators  {@code reference.operators} for display names, or {@code null} (ids are shown)
     * @param folder     reports folder on the driver's local filesystem
     * @param runDate    the run date, the name of the sub-folder written
     */
    public ExportResult export(SparkSession spark, Map<String, Dataset<Row>> goldTables, Dataset<Row> operators,
                               Path folder, LocalDate runDate) {
        Objects.requireNonNull(spark, "spark");
        Map<String, ExportTable> tables = new LinkedHashMap<>();
        goldTables.forEach((name, dataset) -> {
            if (dataset != null) {
                String table = tableName(name);
                tables.put(table, ExportTable.fromDataset(table, dataset));
            }
        });
        ExportTable ops = operators == null ? null : ExportTable.fromDataset("operators", operators);
        return export(tables, ops, folder, runDate);
    }

    /** Exports tables already on the driver (also what tests use with hand-made rows). */
    public ExportResult export(Map<String, ExportTable> goldTables, ExportTable operators, Path folder,
                               LocalDate runDate) {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(runDate, "runDate");
        Path directory = folder.resolve(runDate.toString());
        Map<String, ExportTable> sorted = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(KEY_COLUMNS.keySet());
        goldTables.keySet().stream().map(ReportExporter::tableName).filter(n -> !names.contains(n)).sorted()
                .forEach(names::add);
        Map<String, ExportTable> byName = new LinkedHashMap<>();
        goldTables.forEach((name, table) -> {
            if (table != null) {
                byName.put(tableName(name), table);
            }
        });
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            ExportTable table = byName.get(name);
            if (table == null) {
                missing.add(name);
            } else {
                sorted.put(name, table.sortedBy(KEY_COLUMNS.getOrDefault(name, List.of())));
            }
        }
        try {
            Files.createDirectories(directory);
            Map<String, Path> csvFiles = new LinkedHashMap<>();
            Map<String, Integer> rowCounts = new LinkedHashMap<>();
            for (Map.Entry<String, ExportTable> e : sorted.entrySet()) {
                Path file = directory.resolve(safeFileName(e.getKey()) + ".csv");
                writeAtomically(file, Csv.toCsv(e.getValue()));
                csvFiles.put(e.getKey(), file);
                rowCounts.put(e.getKey(), e.getValue().rows().size());
            }
            ReportPage page = new ReportPage(sorted, operators, thirdRegion);
            List<ReportPage.Section> sections = page.sections();
            Path html = directory.resolve(HTML_FILE);
            writeAtomically(html, page.html(runDate, dateMeaning, sections, rowCounts, missing));
            List<String> ids = sections.stream().map(ReportPage.Section::id).toList();
            List<String> noData = sections.stream().filter(s -> s.png() == null).map(ReportPage.Section::id).toList();
            LOG.info("exported {} tables and {} charts ({} without data) to {}; missing tables: {}", csvFiles.size(),
                    ids.size(), noData.size(), directory, missing);
            return new ExportResult(directory, csvFiles, rowCounts, html, ids, noData, missing);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write exports to " + directory, e);
        }
    }

    /** {@code gold.gpu_vendor_share} and {@code gpu_vendor_share} name the same table. */
    static String tableName(String name) {
        String n = name.trim();
        int dot = n.lastIndexOf('.');
        return (dot >= 0 ? n.substring(dot + 1) : n).toLowerCase(Locale.ROOT);
    }

    private static String safeFileName(String table) {
        return table.replaceAll("[^a-z0-9_]+", "_");
    }

    private static void writeAtomically(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
