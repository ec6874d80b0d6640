package org.telcoai.lakehouse.landing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;

/**
 * Reads one landing file record by record, keeping each record's position in the file. CSV goes through
 * univocity (the parser Spark's own CSV source uses), JSON Lines through Jackson. Works on a plain stream so the
 * same code runs on the driver (tests, built-in reference data) and on executors (any Hadoop file system).
 */
public final class LandingFileReader implements Iterator<RawRecord>, Closeable {

    /** Keeps a multi-megabyte garbage record from bloating the quarantine table; the file itself stays. */
    static final int MAX_RAW_TEXT = 100_000;
    /** Exact decimals, trailing zeros kept: bronze holds "85.50" as written, not "85.5". */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));
    private static final char BOM = '\uFEFF';

    private final FileFormat format;
    private final List<String> columns;
    private final Reader reader;
    private final List<String> missingColumns = new ArrayList<>();
    private final List<String> extraColumns = new ArrayList<>();
    private CsvParser csv;
    private int[] columnIndex;
    private int headerWidth;
    private BufferedReader lines;
    private long rowNumber;
    private RawRecord next;
    private boolean headerRead;
    private boolean emptyFile;

    /** Reads {@code raw}, the file's bytes as stored (gzip is undone here when the format says so). */
    public LandingFileReader(InputStream raw, FileFormat format, List<String> columns) throws IOException {
        this(decompress(raw, format), format, columns, true);
    }

    private LandingFileReader(InputStream in, FileFormat format, List<String> columns, boolean decompressed) {
        this.format = format;
        this.columns = List.copyOf(columns);
        // Invalid UTF-8 becomes U+FFFD instead of failing the whole file; validation then sees odd values.
        this.reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        readHeader();
    }

    /** Reads an already decompressed stream. */
    public static LandingFileReader ofContent(InputStream content, FileFormat format, List<String> columns) {
        return new LandingFileReader(content, format, columns, true);
    }

    public static InputStream decompress(InputStream raw, FileFormat format) throws IOException {
        return format.gzip() ? new GZIPInputStream(raw, 64 * 1024) : raw;
    }

    private void readHeader() {
        if (format.csv()) {
            CsvParserSettings settings = new CsvParserSettings();
            settings.setHeaderExtractionEnabled(false);
            settings.setLineSeparatorDetectionEnabled(true);
            settings.setMaxCharsPerColumn(-1);
            settings.setMaxColumns(4096);
            settings.setIgnoreLeadingWhitespaces(false);
            settings.setIgnoreTrailingWhitespaces(false);
            settings.setSkipEmptyLines(true);
            // The caller owns the stream (the inspector reads on to the end), and reads stay on this thread.
            settings.setAutoClosingEnabled(false);
            settings.setReadInputOnSeparateThread(false);
            csv = new CsvParser(settings);
            csv.beginParsing(reader);
            String[] header = csv.parseNext();
            if (header == null) {
                emptyFile = true;
                headerRead = true;
                return;
            }
            Map<String, Integer> positions = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                String name = header[i] == null ? "" : header[i].trim();
                if (i == 0 && !name.isEmpty() && name.charAt(0) == BOM) {
                    name = name.substring(1).trim();
                }
                positions.putIfAbsent(name, i);
                if (!columns.contains(name)) {
                    extraColumns.add(name);
                }
            }
            headerWidth = header.length;
            columnIndex = new int[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                Integer position = positions.get(columns.get(c));
                columnIndex[c] = position == null ? -1 : position;
                if (position == null) {
                    missingColumns.add(columns.get(c));
                }
            }
        } else {
            lines = new BufferedReader(reader, 64 * 1024);
        }
        headerRead = true;
    }

    /** Declared columns absent from a CSV header (always empty for JSON Lines, where keys vary per line). */
    public List<String> missingColumns() {
        return List.copyOf(missingColumns);
    }

    public List<String> extraColumns() {
        return List.copyOf(extraColumns);
    }

    /** A CSV file without even a header line. */
    public boolean emptyFile() {
        return emptyFile;
    }

    @Override
    public boolean hasNext() {
        if (next == null && headerRead && !emptyFile) {
            try {
                next = format.csv() ? nextCsv() : nextJson();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return next != null;
    }

    @Override
    public RawRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RawRecord record = next;
        next = null;
        return record;
    }

    private RawRecord nextCsv() {
        String[] fields = csv.parseNext();
        if (fields == null) {
            return null;
        }
        rowNumber++;
        if (fields.length != headerWidth) {
            return new RawRecord(rowNumber, new String[columns.size()], truncate(joinCsv(fields)),
                    "expected " + headerWidth + " fields, found " + fields.length);
        }
        String[] values = new String[columns.size()];
        for (int c = 0; c < values.length; c++) {
            values[c] = columnIndex[c] < 0 ? null : fields[columnIndex[c]];
        }
        return new RawRecord(rowNumber, values, null, null);
    }

    private RawRecord nextJson() throws IOException {
        String line;
        do {
            line = lines.readLine();
            if (line == null) {
                return null;
            }
            rowNumber++;
            if (rowNumber == 1 && !line.isEmpty() && line.charAt(0) == BOM) {
                line = line.substring(1);
            }
        } while (line.isBlank());
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            return new RawRecord(rowNumber, new String[columns.size()], truncate(line),
                    "not valid JSON: " + firstLine(e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            return new RawRecord(rowNumber, new String[columns.size()], truncate(line), "not a JSON object");
        }
        String[] values = new String[columns.size()];
        for (int c = 0; c < values.length; c++) {
            JsonNode value = node.get(columns.get(c));
            if (value == null || value.isNull()) {
                values[c] = null;
            } else if (value.isBigDecimal()) {
                values[c] = value.decimalValue().toPlainString();
            } else if (value.isValueNode()) {
                values[c] = value.asText();
            } else {
                values[c] = value.toString();
            }
        }
        return new RawRecord(rowNumber, values, null, null);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    static String truncate(String text) {
        return text.length() <= MAX_RAW_TEXT ? text : text.substring(0, MAX_RAW_TEXT) + "...[truncated]";
    }

    private static String joinCsv(String[] fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String f = fields[i] == null ? "" : fields[i];
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                out.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                out.append(f);
            }
        }
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        if (csv != null) {
            csv.stopParsing();
        }
        reader.close();
    }

    @Override
    public String toString() {
        return "LandingFileReader" + Arrays.asList(format, columns);
    }
}
