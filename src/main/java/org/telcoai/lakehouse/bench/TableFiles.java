package org.telcoai.lakehouse.bench;

import java.util.ArrayList;
import java.util.List;
import org.telcoai.lakehouse.warehouse.Layer;
import org.telcoai.lakehouse.warehouse.Warehouse;
import org.telcoai.lakehouse.warehouse.Warehouse.FileStats;

/**
 * One table's data files after a night. A table larger than {@link #TARGET_MEAN_BYTES} per partition should keep
 * its mean file above that size; a smaller one should hold about one file per partition.
 */
public record TableFiles(String table, long files, long bytes, long partitions, double meanFileMib,
                         boolean smallFileSwarm) {

    public static final long TARGET_MEAN_BYTES = 32L << 20;

    public static TableFiles of(String table, FileStats stats) {
        double mean = stats.files() == 0 ? 0 : (double) stats.bytes() / stats.files();
        // The fewest files a table can have is one per partition (or per 32 MiB). A night's replaceWhere or MERGE
        // adds a file to the partitions it touches until auto compaction folds them: a swarm is small files
        // beyond twice the fewest.
        long fewest = Math.max(stats.partitions(), (stats.bytes() + TARGET_MEAN_BYTES - 1) / TARGET_MEAN_BYTES);
        boolean swarm = stats.files() > 2 * fewest && mean < TARGET_MEAN_BYTES;
        return new TableFiles(table, stats.files(), stats.bytes(), stats.partitions(), mean / (1 << 20), swarm);
    }

    /** Every table of the given layers, in the catalog's order. */
    public static List<TableFiles> of(Warehouse warehouse, List<Layer> layers) {
        List<TableFiles> tables = new ArrayList<>();
        for (String table : warehouse.tables()) {
            if (layers.stream().anyMatch(layer -> table.startsWith(layer.schema() + "."))) {
                tables.add(of(table, warehouse.fileStats(table)));
            }
        }
        return tables;
    }

    public static String table(List<TableFiles> tables) {
        StringBuilder out = new StringBuilder(String.format("%-36s %7s %10s %10s %10s  %s%n", "table", "files",
                "partitions", "MiB", "mean MiB", "small-file swarm"));
        for (TableFiles t : tables) {
            out.append(String.format("%-36s %7d %10d %10.1f %10.2f  %s%n", t.table(), t.files(), t.partitions(),
                    t.bytes() / (double) (1 << 20), t.meanFileMib(), t.smallFileSwarm() ? "YES" : "no"));
        }
        return out.toString();
    }
}
