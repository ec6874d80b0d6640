package org.telcoai.lakehouse.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.telcoai.lakehouse.datasets.ColumnSpec;
import org.telcoai.lakehouse.datasets.DatasetSpec;
import org.telcoai.lakehouse.landing.FileFormat;
import org.telcoai.lakehouse.silver.SilverSchema;

/**
 * The naive way, for comparison only: each dataset's delivered files read with plain spark.read and the declared
 * column types, written straight to a Delta table. No validation, quarantine, deduplication, FX or lineage.
 */
public final class NaiveBaseline {

    private final SparkSession spark;
    private final String landing;
    private final String target;

    public NaiveBaseline(SparkSession spark, String landing, String target) {
        this.spark = spark;
        this.landing = landing;
        this.target = target;
    }

    /** Loads every delivery of {@code spec} dated up to {@code upTo}; returns the rows the table then holds. */
    public long load(DatasetSpec spec, LocalDate upTo) {
        StructType schema = new StructType();
        for (ColumnSpec column : spec.columns()) {
            schema = schema.add(DataTypes.createStructField(column.name(), SilverSchema.sparkType(column), true));
        }
        List<String> csv = new ArrayList<>();
        List<String> json = new ArrayList<>();
        for (FileStatus file : deliveredFiles(spec.name(), upTo)) {
            FileFormat.fromFileName(file.getPath().getName()).ifPresent(format ->
                    (format.csv() ? csv : json).add(file.getPath().toString()));
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
        String table = target + "/" + spec.name();
        if (rows == null) {
            return 0;
        }
        rows.write().format("delta").mode("overwrite").save(table);
        return spark.read().format("delta").load(table).count();
    }

    /** The table a dataset was loaded into, for the baseline's aggregations. */
    public Dataset<Row> table(DatasetSpec spec) {
        return spark.read().format("delta").load(target + "/" + spec.name());
    }

    private List<FileStatus> deliveredFiles(String dataset, LocalDate upTo) {
        try {
            Path root = new Path(landing, dataset);
            FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
            List<FileStatus> files = new ArrayList<>();
            if (!fs.exists(root)) {
                return files;
            }
            for (FileStatus delivery : fs.listStatus(root)) {
                if (delivery.isDirectory() && !LocalDate.parse(delivery.getPath().getName()).isAfter(upTo)) {
                    for (FileStatus file : fs.listStatus(delivery.getPath())) {
                        if (file.isFile()) {
                            files.add(file);
                        }
                    }
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
