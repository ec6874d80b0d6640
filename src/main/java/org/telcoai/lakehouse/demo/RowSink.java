package org.telcoai.lakehouse.demo;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.nio.file.StandardOpenOption;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** Writes one landing file as CSV or JSON Lines, optionally gzip-compressed; the format follows the file name. */
final class RowSink implements Closeable {

    private final Path file;
    private final LocalDate delivery;
    private final String[] columns;
    private final boolean[] numeric;
    private final boolean json;
    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);
    private long rows;

    RowSink(Path file, LocalDate delivery, String[] columns, boolean[] numeric) throws IOException {
        this.file = file;
        this.delivery = delivery;
        this.columns = columns;
        this.numeric = numeric;
        String name = file.getFileName().toString();
        this.json = name.endsWith(".jsonl") || name.endsWith(".jsonl.gz");
        boolean gz = name.endsWith(".gz");
        Files.createDirectories(file.getParent());
        OutputStream os;
        try {
            // CREATE_NEW: an existing landing file is never overwritten (it may already have been ingested).
            os = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("Refusing to overwrite existing landing file " + file, e);
        }
        os = new BufferedOutputStream(os, 1 << 16);
        if (gz) {
            // Java's gzip header has mtime 0 and no file name, so the output only depends on the content.
            os = new GZIPOutputStream(os, 1 << 16) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            };
        }
        this.out = new OutputStreamWriter(os, StandardCharsets.UTF_8);
        if (!json) {
            line.setLength(0);
            for (int i = 0; i < columns.length; i++) {
                if (i > 0) {
                    line.append(',');
                }
                line.append(columns[i]);
            }
            line.append('\n');
            out.write(line.toString());
        }
    }

    Path file() {
        return file;
    }

    boolean isJson() {
        return json;
    }

    /** The delivery date of the folder this file is in. */
    LocalDate delivery() {
        return delivery;
    }

    long rows() {
        return rows;
    }

    /** One row; {@code v.length} may be smaller than the column count (a truncated defect). Null means missing. */
    void row(String[] v) throws IOException {
        line.setLength(0);
        format(line, v);
        line.append('\n');
        out.write(line.toString());
        rows++;
    }

    /** A line written as is (e.g. a JSON object cut off in the middle). */
    void raw(String text) throws IOException {
        out.write(text);
        out.write('\n');
        rows++;
    }

    /** The line {@link #row} would write, without the newline. */
    String render(String[] v) {
        StringBuilder sb = new StringBuilder();
        format(sb, v);
        return sb.toString();
    }

    private void format(StringBuilder sb, String[] v) {
        if (json) {
            sb.append('{');
            for (int i = 0; i < v.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append('"').append(columns[i]).append("\":");
                String s = v[i];
                if (s == null) {
                    sb.append("null");
                } else if (numeric[i] && isPlainNumber(s)) {
                    sb.append(s);
                } else {
                    jsonString(sb, s);
                }
            }
            sb.append('}');
        } else {
            for (int i = 0; i < v.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                csvField(sb, v[i]);
            }
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    static boolean isPlainNumber(String s) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        int i = s.charAt(0) == '-' ? 1 : 0;
        if (i == n) {
            return false;
        }
        boolean dot = false;
        boolean digit = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        return digit && s.charAt(n - 1) != '.';
    }

    private static void csvField(StringBuilder sb, String s) {
        if (s == null) {
            return;
        }
        boolean quote = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            sb.append(s);
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    private static void jsonString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
