package org.telcoai.lakehouse.landing;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A file found in the landing zone. {@code path} is fully qualified (scheme included) so it is the same
 * string on the driver, on executors and in the ingest log. {@code format} is null for an unsupported name.
 */
public record LandingFile(String dataset, LocalDate deliveryDate, String path, String fileName, long sizeBytes,
                          long modifiedMillis, FileFormat format) implements Serializable {
}
