package org.telcoai.lakehouse.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real public data sets beside the project ({@code ../shared/data}). A test that reads them is skipped on a bare
 * clone without the folder; where the folder is there (as in CI), a file missing or renamed fails the test instead of
 * quietly skipping it.
 */
public final class SharedData {

    public static final Path ROOT = Path.of("..", "shared", "data");

    private SharedData() { }

    /** A data set's folder, which must exist when the shared data is there. */
    public static Path folder(String name) {
        Assumptions.assumeTrue(Files.isDirectory(ROOT), ROOT + " is not here: the real-data test is skipped");
        Path folder = ROOT.resolve(name);
        assertTrue(Files.isDirectory(folder), folder + " is missing from " + ROOT.toAbsolutePath().normalize());
        return folder;
    }

    /** A file of a data set, which must exist when the shared data is there. */
    public static Path file(String folder, String name) {
        Path file = folder(folder).resolve(name);
        assertTrue(Files.isRegularFile(file), file + " is missing or renamed in " + ROOT.toAbsolutePath().normalize());
        return file;
    }
}
