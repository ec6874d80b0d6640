package org.telcoai.lakehouse.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;
import org.telcoai.lakehouse.spark.ForklessLocalFileSystem;

/**
 * The local file system with one fault injected where a file is created, for tests that run the lakehouse in a
 * process of its own (see {@link #enableIn}). The fault is set by system properties of that process:
 * <ul>
 *   <li>{@code lakehouse.test.fault.path}: a regular expression found in the path of the file about to be created
 *       (a Delta commit is first written as {@code _delta_log/.<version>.json.<uuid>.tmp}, then renamed);</li>
 *   <li>{@code lakehouse.test.fault.skip}: how many matching creations to let through first (default 0);</li>
 *   <li>{@code lakehouse.test.fault.action}: {@code pause} prints {@link #PAUSED} and the path, then blocks the
 *       writing thread forever, so the test can SIGKILL the process at that exact point; {@code no-space} fails
 *       the creation, and every later one under the warehouse, as a full disk does.</li>
 * </ul>
 * Every Hadoop user in the process gets it through a core-site.xml that {@link #enableIn} writes, so none can make
 * a file system without it: {@code fs.file.impl} for Spark's and Parquet's data files, and
 * {@code fs.AbstractFileSystem.file.impl} for Delta's commits (its HDFSLogStore writes through a FileContext).
 */
public class FaultyLocalFileSystem extends ForklessLocalFileSystem {

    public static final String PAUSED = "FAULT-INJECTION paused before creating ";
    public static final String NO_SPACE = "No space left on device";

    private static final Pattern PATH = compile(System.getProperty("lakehouse.test.fault.path"));
    private static final int SKIP = Integer.getInteger("lakehouse.test.fault.skip", 0);
    private static final String ACTION = System.getProperty("lakehouse.test.fault.action", "pause");
    private static final AtomicInteger MATCHES = new AtomicInteger();
    private static volatile boolean full;

    /** Writes a core-site.xml into {@code folder}, which goes first on the child's classpath. */
    public static Path enableIn(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("core-site.xml"), """
                <?xml version="1.0"?>
                <configuration>
                  <property><name>fs.file.impl</name><value>%s</value></property>
                  <property><name>fs.AbstractFileSystem.file.impl</name><value>%s</value></property>
                </configuration>
                """.formatted(FaultyLocalFileSystem.class.getName(), Fs.class.getName()), StandardCharsets.UTF_8);
        return folder;
    }

    @Override
    public FSDataOutputStream create(org.apache.hadoop.fs.Path file, FsPermission permission, boolean overwrite,
                                     int bufferSize, short replication, long blockSize, Progressable progress)
            throws IOException {
        inject(file);
        return super.create(file, permission, overwrite, bufferSize, replication, blockSize, progress);
    }

    @Override
    public FSDataOutputStream createNonRecursive(org.apache.hadoop.fs.Path file, FsPermission permission,
                                                 EnumSet<CreateFlag> flags, int bufferSize, short replication,
                                                 long blockSize, Progressable progress) throws IOException {
        inject(file);
        return super.createNonRecursive(file, permission, flags, bufferSize, replication, blockSize, progress);
    }

    static void inject(org.apache.hadoop.fs.Path file) throws IOException {
        if (PATH == null) {
            return;
        }
        String path = file.toUri().getPath();
        if (full && path.contains("/warehouse/")) {
            throw new IOException(path + ": " + NO_SPACE);
        }
        if (!PATH.matcher(path).find() || MATCHES.getAndIncrement() < SKIP) {
            return;
        }
        if (ACTION.equals("no-space")) {
            full = true;
            throw new IOException(path + ": " + NO_SPACE);
        }
        System.err.println(PAUSED + path);
        System.err.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // Spark cancels tasks by interrupting them; the point of a pause is that nothing moves on.
            }
        }
    }

    private static Pattern compile(String regex) {
        return regex == null || regex.isEmpty() ? null : Pattern.compile(regex);
    }

    /** The FileContext side of the same file system, where Delta writes its commits. */
    public static class Fs extends DelegateToFileSystem {

        public Fs(URI uri, Configuration conf) throws IOException, URISyntaxException {
            super(uri, new ForklessLocalFileSystem.Raw(), conf, "file", false);
        }

        @Override
        public FSDataOutputStream createInternal(org.apache.hadoop.fs.Path file, EnumSet<CreateFlag> flags,
                                                 FsPermission permission, int bufferSize, short replication,
                                                 long blockSize, Progressable progress, Options.ChecksumOpt checksum,
                                                 boolean createParent) throws IOException {
            inject(file);
            return super.createInternal(file, flags, permission, bufferSize, replication, blockSize, progress,
                    checksum, createParent);
        }
    }
}
