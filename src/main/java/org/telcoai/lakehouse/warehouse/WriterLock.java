package org.telcoai.lakehouse.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writing run at a time per local warehouse. Delta on a local disk cannot arbitrate between processes: its
 * commit is a rename that another process can overwrite, so two runs writing at once could lose a commit. A second
 * run waits for the first (up to {@code lakehouse.writer-lock-timeout}) and then finds its work done. The lock is
 * the operating system's, on {@code <warehouse>/_writer.lock}, so a killed run (even SIGKILL) holds it no longer.
 * Object stores and HDFS are not locked here: there Delta's log store arbitrates (HDFS renames atomically; S3
 * needs the DynamoDB log store, see conf/cluster/s3a.conf).
 */
public final class WriterLock implements AutoCloseable {

    public static final String FILE = "_writer.lock";

    private static final Logger LOG = LoggerFactory.getLogger(WriterLock.class);
    private static final Duration POLL = Duration.ofSeconds(2);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(30);

    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of a local warehouse for run {@code holder}, waiting while another run has it; a warehouse
     * elsewhere gets a lock that holds nothing.
     */
    public static WriterLock acquire(String warehouse, String holder, Duration timeout) {
        Path folder = localFolder(warehouse);
        if (folder == null) {
            return new WriterLock(null, null);
        }
        Path file = folder.resolve(FILE);
        try {
            Files.createDirectories(folder);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            try {
                Instant deadline = Instant.now().plus(timeout);
                Instant nextReport = Instant.now();
                FileLock lock;
                while ((lock = channel.tryLock()) == null) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("another run still writes the warehouse " + folder
                                + " after " + timeout.toMinutes() + " min (" + holderOf(channel)
                                + "); gave up (lakehouse.writer-lock-timeout)");
                    }
                    if (!Instant.now().isBefore(nextReport)) {
                        LOG.info("waiting for the run writing the warehouse to finish: {}", holderOf(channel));
                        nextReport = Instant.now().plus(REPORT_EVERY);
                    }
                    Thread.sleep(POLL.toMillis());
                }
                channel.truncate(0);
                channel.write(ByteBuffer.wrap((holder + ", pid " + ProcessHandle.current().pid() + ", since "
                        + Instant.now()).getBytes(StandardCharsets.UTF_8)), 0);
                return new WriterLock(channel, lock);
            } catch (InterruptedException e) {
                channel.close();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the warehouse lock", e);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the warehouse at " + file, e);
        }
    }

    @Override
    public void close() {
        if (channel == null) {
            return;
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            LOG.warn("releasing the warehouse lock: {}", e.toString()); // the process exit releases it anyway
        }
    }

    private static String holderOf(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(512);
            int read = channel.read(buffer, 0);
            return read <= 0 ? "run unknown" : new String(buffer.array(), 0, read, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "run unknown";
        }
    }

    /**
     * The local folder a {@code file:} URI or plain path names; null for other schemes (HDFS, S3), which are left to
     * Hadoop. A plain path holding characters a URI does not allow is still a plain path.
     */
    public static Path localFolder(String location) {
        try {
            URI uri = new URI(location);
            if (uri.getScheme() == null) {
                return Path.of(location);
            }
            return uri.getScheme().equals("file") ? Path.of(uri) : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Path.of(location);
        }
    }
}
