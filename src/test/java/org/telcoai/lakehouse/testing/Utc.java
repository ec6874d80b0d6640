package org.telcoai.lakehouse.testing;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Expected timestamps as instants, read in UTC like the job's session time zone. {@code Timestamp.valueOf} reads
 * the JVM's zone instead, so a test built with it passes only where the machine runs on UTC.
 */
public final class Utc {

    private Utc() { }

    /** An ISO local date-time read as UTC, e.g. {@code 2024-01-31T23:45}. */
    public static Timestamp timestamp(String isoDateTime) {
        return Timestamp.from(LocalDateTime.parse(isoDateTime).toInstant(ZoneOffset.UTC));
    }
}
