package org.telcoai.lakehouse.sources;

import com.univocity.parsers.common.record.Record;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.telcoai.lakehouse.datasets.Datasets;

/** Small helpers shared by the CSV-based source adapters. */
final class SourceCsv {

    private SourceCsv() { }

    /** {@code input} itself, or the {@code .csv} files directly inside it, sorted by name. */
    static List<Path> csvFiles(Path input) throws IOException {
        if (!Files.isDirectory(input)) {
            return List.of(input);
        }
        try (Stream<Path> files = Files.list(input)) {
            List<Path> csv = new ArrayList<>(files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .sorted().toList());
            if (csv.isEmpty()) {
                throw new IOException("no .csv file in " + input);
            }
            return csv;
        }
    }

    /** A parser that keeps quoted line breaks inside a cell and returns empty cells as "" (never null). */
    static CsvParser parser(char delimiter) {
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setDelimiter(delimiter);
        settings.getFormat().setLineSeparator("\n");
        settings.setLineSeparatorDetectionEnabled(true);
        settings.setNullValue("");
        settings.setEmptyValue("");
        settings.setMaxCharsPerColumn(1 << 20);
        settings.setHeaderExtractionEnabled(false);
        return new CsvParser(settings);
    }

    /** Index of each required header name; throws if one is missing (the file is not this source's format). */
    static int[] indexes(Path file, String[] header, String... names) throws IOException {
        if (header == null) {
            throw new IOException(file + " is empty: no header line");
        }
        int[] idx = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            idx[i] = -1;
            for (int h = 0; h < header.length; h++) {
                if (header[h] != null && header[h].strip().replace("\uFEFF", "").equals(names[i])) {
                    idx[i] = h;
                    break;
                }
            }
            if (idx[i] < 0) {
                throw new IOException(file + ": header has no column '" + names[i] + "' (found "
                        + String.join(", ", header) + ")");
            }
        }
        return idx;
    }

    /** The cell at {@code i}, or "" when the row is shorter (so validation sees a missing value). */
    static String cell(String[] row, int i) {
        return i < row.length && row[i] != null ? row[i] : "";
    }

    /** The landing file name for one source file: its name without extension, safe characters only. */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    /** Maps the rows of one source file; per-file state (its zone, hours seen) lives in the mapper. */
    interface RowMapper {
        void map(String[] row) throws IOException;
    }

    /** Opens a mapper for one file, given its landing file name and header line. */
    interface FileMapper {
        RowMapper open(Path file, String landingName, String[] header) throws IOException;
    }

    /**
     * Reads every CSV file of {@code input} (see {@link #csvFiles}) and hands each data row to the file's
     * mapper; returns the number of data rows read (header lines are not rows).
     */
    static long readRows(Path input, char delimiter, FileMapper files) throws IOException {
        long read = 0;
        for (Path file : csvFiles(input)) {
            CsvParser parser = parser(delimiter);
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                parser.beginParsing(reader);
                RowMapper rows = files.open(file, baseName(file), parser.parseNext());
                String[] row;
                while ((row = parser.parseNext()) != null) {
                    read++;
                    rows.map(row);
                }
            } finally {
                parser.stopParsing();
            }
        }
        return read;
    }

    static Map<String, Long> counter() {
        return new TreeMap<>();
    }

    /** Hands each record of a CSV resource on the classpath (such as the built-in reference files) to {@code each}. */
    static void readClasspath(String resource, Consumer<Record> each) throws IOException {
        InputStream in = SourceCsv.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("classpath resource not found: " + resource);
        }
        CsvParserSettings settings = new CsvParserSettings();
        settings.setHeaderExtractionEnabled(true);
        settings.getFormat().setLineSeparator("\n");
        settings.setLineSeparatorDetectionEnabled(true);
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            new CsvParser(settings).iterateRecords(reader).forEach(each);
        }
    }

    /** A record's values in {@code dataset}'s declared column order, matched by header name; "" where absent. */
    static List<String> datasetRow(Record r, String dataset) {
        return Datasets.require(dataset).columnNames().stream()
                .map(c -> r.getString(c) == null ? "" : r.getString(c)).toList();
    }
}
