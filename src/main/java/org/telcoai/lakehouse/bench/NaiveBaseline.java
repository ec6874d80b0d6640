package org.telcoai.lakehouse.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.year;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import org.telcoai.lakehouse.datasets.ColumnSpec;
import org.telcoai.lakehouse.datasets.DatasetSpec;
import org.telcoai.lakehouse.datasets.DatasetSpec.UsdConversion;
import org.telcoai.lakehouse.gold.GoldInputs;
import org.telcoai.lakehouse.gold.GoldReport;
import org.telcoai.lakehouse.gold.ReportSettings;
import org.telcoai.lakehouse.landing.FileFormat;
import org.telcoai.lakehouse.landing.LandingZone;
import org.telcoai.lakehouse.pipeline.IngestJob;
import org.telcoai.lakehouse.silver.SilverSchema;
import org.telcoai.lakehouse.warehouse.Layer;

/**
 * The naive way, for comparison only: each dataset's delivered files read with plain spark.read and the declared
 * column types, written straight to a Delta table; then every gold report computed from those tables and
 * overwritten in full. No validation, quarantine, deduplication, FX (amounts are taken as if already in USD),
 * lineage, logs or incremental work. The gold reports run the project's own transforms, so the comparison
 * measures what the pipeline adds around the aggregations, not two ways of writing them.
 */
public final class NaiveBaseline {

    private final SparkSession spark;
    private final String landing;
    private final String target;
    private final Map<String, Dataset<Row>> loaded = new LinkedHashMap<>();

    public NaiveBaseline(SparkSession spark, String landing, String target) {
        this.spark = spark;
        this.landing = landing;
        this.target = target;
    }

    /**
     * Loads every delivery of {@code spec} dated up to {@code upTo} (for reference data the latest delivery, or
     * the built-in table when there is none); returns the rows the table then holds.
     */
    public long load(DatasetSpec spec, LocalDate upTo) {
        StructType schema = new StructType();
        for (ColumnSpec column : spec.columns()) {
            schema = schema.add(DataTypes.createStructField(column.name(), SilverSchema.sparkType(column), true));
        }
        List<String> csv = new ArrayList<>();
        List<String> json = new ArrayList<>();
        for (Path file : deliveredFiles(spec, upTo)) {
            FileFormat.fromFileName(file.getName()).ifPresent(format ->
                    (format.csv() ? csv : json).add(file.toString()));
        }
        // As a naive job would run: a value Spark cannot parse (such as month 13) becomes null instead of failing.
        spark.conf().set("spark.sql.legacy.timeParserPolicy", "CORRECTED");
        Dataset<Row> rows = null;
        if (!csv.isEmpty()) {
            rows = spark.read().schema(schema).option("header", "true").csv(csv.toArray(String[]::new));
        }
        if (!json.isEmpty()) {
            Dataset<Row> fromJson = spark.read().schema(schema).json(json.toArray(String[]::new));
            rows = rows == null ? fromJson : rows.unionByName(fromJson);
        }
        if (rows == null) {
            return 0;
        }
        String table = tablePath(spec.isReference() ? Layer.REFERENCE : Layer.SILVER, spec.name());
        rows.write().format("delta").mode("overwrite").save(table);
        Dataset<Row> stored = spark.read().format("delta").load(table);
        loaded.put(SilverSchema.table(spec), asSilver(spec, stored));
        return stored.count();
    }

    /**
     * The reports the naive way can compute: all but the restatement reports, which read versions it does not keep
     * (so the pipeline's figures include two reports the baseline's do not).
     */
    public static final java.util.List<GoldReport> REPORTS = org.telcoai.lakehouse.gold.GoldReports.ALL.stream()
            .filter(report -> !report.historical()).toList();

    /** Computes one report from the loaded tables and overwrites its table; returns the rows written. */
    public long report(GoldReport report, ReportSettings settings) {
        Dataset<Row> rows = report.compute(new GoldInputs(loaded, settings));
        String table = tablePath(Layer.GOLD, report.name());
        rows.write().format("delta").mode("overwrite").save(table);
        Dataset<Row> stored = spark.read().format("delta").load(table);
        loaded.put(Layer.GOLD.table(report.name()), stored); // a later report may read this one
        return stored.count();
    }

    /** Where the naive table standing for {@code layer.name} is written. */
    public String tablePath(Layer layer, String name) {
        return target + "/" + layer.schema() + "/" + name;
    }

    /** The silver table's columns the reports read: USD columns copied from the amounts, the year partition. */
    private static Dataset<Row> asSilver(DatasetSpec spec, Dataset<Row> rows) {
        for (UsdConversion usd : spec.usdConversions()) {
            rows = rows.withColumn(usd.targetColumn(),
                    col(usd.sourceColumn()).cast(new DecimalType(usd.precision(), usd.scale())));
        }
        if (spec.partition().isPresent()) {
            rows = rows.withColumn(spec.partition().get().column(), year(col(spec.partition().get().sourceColumn())));
        }
        return rows;
    }

    private List<Path> deliveredFiles(DatasetSpec spec, LocalDate upTo) {
        try {
            Path root = new Path(landing, spec.name());
            FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
            List<FileStatus> deliveries = new ArrayList<>();
            if (fs.exists(root)) {
                for (FileStatus delivery : fs.listStatus(root)) {
                    if (delivery.isDirectory() && !LocalDate.parse(delivery.getPath().getName()).isAfter(upTo)) {
                        deliveries.add(delivery);
                    }
                }
            }
            deliveries.sort(Comparator.comparing((FileStatus d) -> d.getPath().getName()));
            if (spec.isReference() && deliveries.isEmpty()) {
                return List.of(builtin(spec, fs));
            }
            if (spec.isReference()) {
                // A reference delivery is the complete table: only the latest counts.
                deliveries = List.of(deliveries.get(deliveries.size() - 1));
            }
            List<Path> files = new ArrayList<>();
            for (FileStatus delivery : deliveries) {
                for (FileStatus file : fs.listStatus(delivery.getPath())) {
                    if (file.isFile()) {
                        files.add(file.getPath());
                    }
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar's default reference table, copied out so spark.read can read it as any other file. */
    private Path builtin(DatasetSpec spec, FileSystem landingFs) throws IOException {
        Path copy = new Path(target + "/input/" + spec.name() + ".csv");
        FileSystem fs = copy.getFileSystem(spark.sparkContext().hadoopConfiguration());
        try (InputStream in = LandingZone.open(IngestJob.builtinReference(spec), landingFs.getConf());
             OutputStream out = fs.create(copy, true)) {
            in.transferTo(out);
        }
        return copy;
    }
}
