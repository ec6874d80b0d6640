package org.telcoai.lakehouse.sources;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Converts one public data format into landing-contract files. An adapter maps columns and units; it does not
 * judge values: a cell it cannot map is written as received (or left empty with the reason counted), so the
 * ingest's validation quarantines it with a reason code like any other bad input.
 */
public interface SourceAdapter {

    /** The --source name, such as {@code energinet-elspot}; other tools depend on it. */
    String name();

    /** One line for --help. */
    String description();

    /** Reads {@code input} (a file or a folder of the source's files) and writes through {@code out}. */
    ImportResult convert(Path input, LandingWriter out) throws IOException;
}
