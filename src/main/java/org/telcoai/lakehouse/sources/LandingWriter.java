package org.telcoai.lakehouse.sources;

import com.univocity.parsers.csv.CsvWriter;
import com.univocity.parsers.csv.CsvWriterSettings;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.telcoai.lakehouse.datasets.DatasetSpec;
import org.telcoai.lakehouse.datasets.Datasets;

/**
 * Writes landing-contract CSV files for one import: {@code <landing>/<dataset>/<delivery-date>/<source>-<name>.csv},
 * with the dataset's declared header. Files are written under a temporary name and moved into place, so a
 * half-written file is never picked up by an ingest; an existing file is never overwritten.
 */
public final class LandingWriter implements AutoCloseable {

    private final Path landing;
    private final LocalDate deliveryDate;
    private final String source;
    private final Map<String, Open> open = new LinkedHashMap<>();
    private final Map<String, Long> rows = new LinkedHashMap<>();

    private record Open(Path temp, Path target, CsvWriter writer) { }

    public LandingWriter(Path landing, LocalDate deliveryDate, String source) {
        this.landing = landing;
        this.deliveryDate = deliveryDate;
        this.source = source;
    }

    /** Appends one row, values in the dataset's declared column order, to {@code <source>-<fileName>.csv}. */
    public void write(String dataset, String fileName, List<String> values) throws IOException {
        DatasetSpec spec = Datasets.require(dataset);
        if (values.size() != spec.columns().size()) {
            throw new IllegalArgumentException(dataset + " has " + spec.columns().size() + " columns, got "
                    + values.size());
        }
        String key = dataset + "/" + fileName;
        Open file = open.get(key);
        if (file == null) {
            Path folder = landing.resolve(dataset).resolve(deliveryDate.toString());
            Files.createDirectories(folder);
            Path target = folder.resolve(source + "-" + fileName + ".csv");
            if (Files.exists(target)) {
                throw new IOException("refusing to overwrite " + target + ": import into another delivery date");
            }
            // A leading '_' makes the ingest ignore the file until it is complete.
            Path temp = folder.resolve("_" + target.getFileName() + ".tmp");
            Writer out = new OutputStreamWriter(Files.newOutputStream(temp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING), StandardCharsets.UTF_8);
            CsvWriterSettings settings = new CsvWriterSettings();
            settings.setQuoteEscapingEnabled(true);
            settings.getFormat().setLineSeparator("\n");
            CsvWriter writer = new CsvWriter(out, settings);
            writer.writeHeaders(spec.columnNames());
            file = new Open(temp, target, writer);
            open.put(key, file);
        }
        file.writer().writeRow(values);
        rows.merge(dataset, 1L, Long::sum);
    }

    public Map<String, Long> rowsWritten() {
        return Map.copyOf(rows);
    }

    /** Files written so far (their final paths). */
    public List<Path> files() {
        return open.values().stream().map(Open::target).toList();
    }

    @Override
    public void close() throws IOException {
        for (Open file : open.values()) {
            file.writer().close();
            Files.move(file.temp(), file.target());
        }
    }
}
