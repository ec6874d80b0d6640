package org.telcoai.lakehouse.landing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.telcoai.lakehouse.datasets.DatasetSpec;

/**
 * Reads a whole landing file once to decide whether it can be ingested: checksum, gzip integrity, binary
 * content, header columns. A rejected file is ingested not at all rather than in part, so that a truncated file
 * never yields a silently cut last value.
 */
public final class FileInspector {

    private static final int SNIFF_BYTES = 8192;

    private FileInspector() { }

    public static FileInspection inspect(LandingFile file, DatasetSpec spec, InputStream raw) {
        MessageDigest sha256 = newSha256();
        CountingStream counted = new CountingStream(raw);
        DigestInputStream digested = new DigestInputStream(counted, sha256);
        String problem = null;
        List<String> missingOptional = List.of();
        List<String> extra = List.of();
        if (file.format() == null) {
            problem = "UNSUPPORTED_FORMAT: expected .csv, .csv.gz, .jsonl or .jsonl.gz";
        } else {
            try {
                BufferedInputStream content = new BufferedInputStream(
                        LandingFileReader.decompress(digested, file.format()), 64 * 1024);
                if (looksBinary(content)) {
                    problem = "BINARY_CONTENT: NUL bytes in the first " + SNIFF_BYTES + " bytes";
                } else {
                    LandingFileReader reader = LandingFileReader.ofContent(content, file.format(), spec.columnNames());
                    if (reader.emptyFile()) {
                        problem = "EMPTY_FILE: no header line";
                    } else {
                        List<String> missing = reader.missingColumns();
                        List<String> missingRequired = missing.stream()
                                .filter(spec.requiredColumnNames()::contains).toList();
                        if (!missingRequired.isEmpty()) {
                            problem = "BAD_HEADER: required columns missing: " + String.join(",", missingRequired);
                        }
                        missingOptional = missing.stream().filter(c -> !missingRequired.contains(c)).toList();
                        extra = reader.extraColumns();
                    }
                    // Read to the end: a truncated or corrupt gzip stream only fails there.
                    content.transferTo(OutputStream.nullOutputStream());
                }
            } catch (IOException | RuntimeException e) {
                problem = "UNREADABLE: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
        }
        try {
            digested.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            problem = problem != null ? problem : "UNREADABLE: " + e.getMessage();
        }
        String checksum = HexFormat.of().formatHex(sha256.digest());
        if (problem != null) {
            return FileInspection.rejected(file, checksum, counted.count, problem);
        }
        return new FileInspection(file, checksum, counted.count, true, null, missingOptional, extra);
    }

    private static boolean looksBinary(BufferedInputStream content) throws IOException {
        content.mark(SNIFF_BYTES);
        byte[] head = content.readNBytes(SNIFF_BYTES);
        content.reset();
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
