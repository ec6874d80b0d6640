package org.telcoai.lakehouse.landing;

import java.util.Locale;
import java.util.Optional;

/** The file formats of the landing contract, told apart by file name. */
public enum FileFormat {
    CSV(".csv", false), CSV_GZ(".csv.gz", true), JSONL(".jsonl", false), JSONL_GZ(".jsonl.gz", true);

    private final String suffix;
    private final boolean gzip;

    FileFormat(String suffix, boolean gzip) {
        this.suffix = suffix;
        this.gzip = gzip;
    }

    public boolean gzip() {
        return gzip;
    }

    public boolean csv() {
        return this == CSV || this == CSV_GZ;
    }

    public static Optional<FileFormat> fromFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        // Longest suffix first so ".csv.gz" is not taken for something else.
        for (FileFormat format : new FileFormat[] {CSV_GZ, JSONL_GZ, CSV, JSONL}) {
            if (lower.endsWith(format.suffix)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
