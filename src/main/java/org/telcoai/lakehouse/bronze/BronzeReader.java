package org.telcoai.lakehouse.bronze;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.telcoai.lakehouse.datasets.DatasetSpec;
import org.telcoai.lakehouse.landing.FileInspection;
import org.telcoai.lakehouse.landing.FileInspector;
import org.telcoai.lakehouse.landing.LandingFile;
import org.telcoai.lakehouse.landing.LandingFileReader;
import org.telcoai.lakehouse.landing.LandingZone;
import org.telcoai.lakehouse.landing.RawRecord;

/**
 * Reads landing files on the executors, one task per file: each record keeps its file and position, which
 * Spark's own CSV and JSON sources cannot give, and a malformed record keeps its raw text instead of vanishing.
 */
public final class BronzeReader {

    private final SparkSession spark;
    private final JavaSparkContext jsc;

    public BronzeReader(SparkSession spark) {
        this.spark = spark;
        this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    /** Checksums and checks every file in parallel; see {@link FileInspector}. */
    public List<FileInspection> inspect(DatasetSpec spec, List<LandingFile> files) {
        if (files.isEmpty()) {
            return List.of();
        }
        Broadcast<SerializableHadoopConf> conf = hadoopConf();
        List<FileInspection> result = jsc.parallelize(largestFirst(files), slices(files.size()))
                .map(file -> {
                    try (InputStream in = LandingZone.open(file.path(), conf.value().get())) {
                        return FileInspector.inspect(file, spec, in);
                    } catch (IOException e) {
                        return new FileInspection(file, null, 0, false, "UNREADABLE: " + e.getMessage(),
                                List.of(), List.of());
                    }
                })
                .collect();
        List<FileInspection> ordered = new ArrayList<>(result);
        ordered.sort(Comparator.comparing((FileInspection i) -> i.file().path()));
        return ordered;
    }

    /** Every record of the given (already inspected, readable) files as bronze rows of one batch. */
    public Dataset<Row> read(DatasetSpec spec, List<FileInspection> files, long batch, String runId,
                             Instant ingestedAt) {
        Broadcast<SerializableHadoopConf> conf = hadoopConf();
        List<String> columns = spec.columnNames();
        Timestamp ingestedTs = Timestamp.from(ingestedAt);
        JavaRDD<Row> rows = jsc.parallelize(largestFirstInspected(files), slices(files.size()))
                .flatMap(inspection -> records(inspection, columns, conf.value(), batch, runId, ingestedTs));
        return spark.createDataFrame(rows, BronzeSchema.of(spec));
    }

    private static Iterator<Row> records(FileInspection inspection, List<String> columns,
                                         SerializableHadoopConf conf, long batch, String runId,
                                         Timestamp ingestedAt) throws IOException {
        LandingFile file = inspection.file();
        InputStream in = LandingZone.open(file.path(), conf.get());
        LandingFileReader reader = new LandingFileReader(in, file.format(), columns);
        Date delivery = file.deliveryDate() == null ? null : Date.valueOf(file.deliveryDate());
        return new Iterator<>() {
            /** Closed at the end of the file; a caller may ask hasNext again after that (Spark's cache does). */
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (exhausted) {
                    return false;
                }
                boolean more = reader.hasNext();
                if (!more) {
                    exhausted = true;
                    try {
                        reader.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return more;
            }

            @Override
            public Row next() {
                RawRecord record = reader.next();
                Object[] values = new Object[columns.size() + 9];
                System.arraycopy(record.values(), 0, values, 0, columns.size());
                int i = columns.size();
                values[i++] = record.rawText();
                values[i++] = record.malformedDetail();
                values[i++] = file.path();
                values[i++] = record.rowNumber();
                values[i++] = delivery;
                values[i++] = inspection.sha256();
                values[i++] = batch;
                values[i++] = runId;
                values[i] = ingestedAt;
                return RowFactory.create(values);
            }
        };
    }

    private Broadcast<SerializableHadoopConf> hadoopConf() {
        return jsc.broadcast(new SerializableHadoopConf(spark.sparkContext().hadoopConfiguration()));
    }

    /** One task per file: parallelize cuts a list into contiguous runs, which would bunch the large files. */
    private static int slices(int files) {
        return Math.max(1, files);
    }

    /** Big files first, so one large history file does not start last and hold up the whole stage. */
    private static List<LandingFile> largestFirst(List<LandingFile> files) {
        List<LandingFile> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparingLong(LandingFile::sizeBytes).reversed());
        return sorted;
    }

    private static List<FileInspection> largestFirstInspected(List<FileInspection> files) {
        List<FileInspection> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparingLong(FileInspection::bytes).reversed());
        return sorted;
    }
}
