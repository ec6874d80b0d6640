package org.telcoai.lakehouse.landing;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telcoai.lakehouse.datasets.DatasetSpec;

/**
 * The landing zone: {@code <root>/<dataset>/<YYYY-MM-DD>/<file>} on any Hadoop file system. Entries that do not
 * fit the layout are reported, never silently skipped; names starting with '_' or '.' are Hadoop's markers
 * (_SUCCESS, .crc) and are ignored.
 */
public final class LandingZone {

    private static final Logger LOG = LoggerFactory.getLogger(LandingZone.class);
    /** Built-in reference data packaged in the jar, read through the same code as landing files. */
    public static final String BUILTIN_PREFIX = "classpath:";

    private final Path root;
    private final Configuration hadoopConf;
    private final List<String> warnings = new ArrayList<>();

    public LandingZone(String root, Configuration hadoopConf) {
        this.hadoopConf = hadoopConf;
        try {
            Path path = new Path(root);
            this.root = path.getFileSystem(hadoopConf).makeQualified(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open landing zone " + root, e);
        }
    }

    public String root() {
        return root.toString();
    }

    /** Problems with the layout seen by the listings so far (folders that are not dates, stray files). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public boolean isEmpty() {
        try {
            FileSystem fs = root.getFileSystem(hadoopConf);
            return !fs.exists(root) || fs.listStatus(root).length == 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list landing zone " + root, e);
        }
    }

    /** Delivery dates present for a dataset, up to and including {@code upTo}, oldest first. */
    public List<LocalDate> deliveries(DatasetSpec dataset, LocalDate upTo) {
        List<LocalDate> dates = new ArrayList<>();
        for (FileStatus folder : list(new Path(root, dataset.name()))) {
            String name = folder.getPath().getName();
            if (hidden(name)) {
                continue;
            }
            if (!folder.isDirectory()) {
                warn("ignored " + folder.getPath() + ": files belong in a <delivery-date YYYY-MM-DD> folder");
                continue;
            }
            Optional<LocalDate> date = parseDate(name);
            if (date.isEmpty()) {
                warn("ignored folder " + folder.getPath() + ": its name is not a delivery date YYYY-MM-DD");
            } else if (!date.get().isAfter(upTo)) {
                dates.add(date.get());
            }
        }
        dates.sort(Comparator.naturalOrder());
        return dates;
    }

    /** Files of one delivery, by name. */
    public List<LandingFile> files(DatasetSpec dataset, LocalDate delivery) {
        List<LandingFile> files = new ArrayList<>();
        for (FileStatus status : list(new Path(new Path(root, dataset.name()), delivery.toString()))) {
            String name = status.getPath().getName();
            if (hidden(name)) {
                continue;
            }
            if (status.isDirectory()) {
                warn("ignored folder " + status.getPath() + ": deliveries hold files, not folders");
                continue;
            }
            files.add(new LandingFile(dataset.name(), delivery, status.getPath().toString(), name, status.getLen(),
                    status.getModificationTime(), FileFormat.fromFileName(name).orElse(null)));
        }
        files.sort(Comparator.comparing(LandingFile::fileName));
        return files;
    }

    /** Every file of every delivery up to {@code upTo}, in delivery then name order. */
    public List<LandingFile> files(DatasetSpec dataset, LocalDate upTo, boolean latestDeliveryOnly) {
        List<LocalDate> dates = deliveries(dataset, upTo);
        if (latestDeliveryOnly && !dates.isEmpty()) {
            dates = List.of(dates.get(dates.size() - 1));
        }
        List<LandingFile> files = new ArrayList<>();
        for (LocalDate date : dates) {
            files.addAll(files(dataset, date));
        }
        return files;
    }

    /** Opens a landing file, or built-in reference data, as stored (still compressed). */
    public static InputStream open(String path, Configuration hadoopConf) throws IOException {
        if (path.startsWith(BUILTIN_PREFIX)) {
            String resource = path.substring(BUILTIN_PREFIX.length());
            InputStream in = LandingZone.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new FileNotFoundException("no built-in resource " + resource);
            }
            return in;
        }
        Path file = new Path(path);
        return file.getFileSystem(hadoopConf).open(file, 256 * 1024);
    }

    private List<FileStatus> list(Path folder) {
        try {
            FileSystem fs = folder.getFileSystem(hadoopConf);
            if (!fs.exists(folder)) {
                return List.of();
            }
            return List.of(fs.listStatus(folder));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static boolean hidden(String name) {
        return name.startsWith("_") || name.startsWith(".");
    }

    private static Optional<LocalDate> parseDate(String name) {
        if (!name.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(name));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private void warn(String message) {
        if (!warnings.contains(message)) {
            warnings.add(message);
            LOG.warn(message);
        }
    }
}
