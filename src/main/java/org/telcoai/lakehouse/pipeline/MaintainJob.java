package org.telcoai.lakehouse.pipeline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telcoai.lakehouse.datasets.DatasetSpec;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.silver.SilverSchema;
import org.telcoai.lakehouse.silver.SilverVersions;
import org.telcoai.lakehouse.warehouse.Warehouse;

/**
 * Upkeep of the warehouse's Delta tables: OPTIMIZE compacts the small files that nightly appends and MERGEs
 * leave (silver fact tables Z-ordered on their declared columns), then VACUUM deletes the files no version younger
 * than the retention references. One table failing does not stop the others; the caller sees every result.
 */
public final class MaintainJob {

    private static final Logger LOG = LoggerFactory.getLogger(MaintainJob.class);

    /** What to do: {@code force} allows a retention below {@link Warehouse#SAFE_VACUUM_RETENTION_HOURS}. */
    public record Settings(boolean optimize, boolean vacuum, double retentionHours, boolean force) { }

    /**
     * One table's outcome. Counts are -1 for a step that did not run; {@code error} is null when all went well.
     *
     * @param files       data files of the current version before and after OPTIMIZE
     * @param filesOnDisk parquet files in the table's folder before and after VACUUM
     */
    public record TableResult(String table, List<String> zOrder, long versionBefore, long versionAfter,
                              long filesBefore, long filesAfter, long filesOnDiskBefore, long filesOnDiskAfter,
                              String error) {

        public long filesVacuumed() {
            return filesOnDiskBefore < 0 ? -1 : filesOnDiskBefore - filesOnDiskAfter;
        }

        public boolean failed() {
            return error != null;
        }
    }

    private final Warehouse warehouse;

    public MaintainJob(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Refuses a negative retention, and one below Delta's safe retention unless forced. */
    public static void checkRetention(double hours, boolean force) {
        String shown = BigDecimal.valueOf(hours).stripTrailingZeros().toPlainString();
        if (hours < 0 || Double.isNaN(hours)) {
            throw new IllegalArgumentException("VACUUM retention must be 0 hours or more, not " + shown);
        }
        if (hours < Warehouse.SAFE_VACUUM_RETENTION_HOURS && !force) {
            throw new IllegalArgumentException("VACUUM retention of " + shown + " hours is below Delta's safe "
                    + BigDecimal.valueOf(Warehouse.SAFE_VACUUM_RETENTION_HOURS).stripTrailingZeros().toPlainString()
                    + " hours: readers of older versions and writers still running could lose files; pass --force "
                    + "to vacuum anyway");
        }
    }

    /**
     * The Z-order columns declared with the dataset whose silver (or silver versions) table this is; none for other
     * tables.
     */
    public static List<String> zOrderColumns(String table) {
        return Datasets.facts().stream().filter(spec -> SilverSchema.table(spec).equals(table)
                        || SilverVersions.table(spec).equals(table)).findFirst()
                .map(DatasetSpec::zOrderColumns).orElse(List.of());
    }

    /**
     * The requested tables, each checked against the catalog, or every Delta table when {@code requested} is null.
     * Names are only compared, never put into SQL.
     */
    public List<String> select(List<String> requested) {
        List<String> existing = warehouse.tables();
        if (requested == null) {
            List<String> delta = new ArrayList<>();
            for (String table : existing) {
                if (warehouse.isDelta(table)) {
                    delta.add(table);
                } else {
                    LOG.warn("{} is not a Delta table at {}; not maintained", table, warehouse.location(table));
                }
            }
            return delta;
        }
        for (String table : requested) {
            if (!existing.contains(table)) {
                throw new IllegalArgumentException("no table " + table + " in the warehouse; tables: "
                        + (existing.isEmpty() ? "none" : String.join(", ", existing)));
            }
        }
        return requested.stream().distinct().toList();
    }

    public List<TableResult> run(List<String> tables, Settings settings) {
        if (settings.vacuum()) {
            checkRetention(settings.retentionHours(), settings.force());
        }
        List<TableResult> results = new ArrayList<>();
        for (String table : tables) {
            results.add(maintain(table, settings));
        }
        return results;
    }

    private TableResult maintain(String table, Settings settings) {
        List<String> zOrder = zOrderColumns(table);
        long versionBefore = -1;
        long filesBefore = -1;
        long filesAfter = -1;
        long onDiskBefore = -1;
        long onDiskAfter = -1;
        try {
            versionBefore = warehouse.version(table);
            if (settings.optimize()) {
                filesBefore = warehouse.fileCount(table);
                warehouse.optimize(table, zOrder);
                filesAfter = warehouse.fileCount(table);
                LOG.info("{}: OPTIMIZE{}: {} files -> {}, version {} -> {}", table,
                        zOrder.isEmpty() ? "" : " ZORDER BY " + zOrder, filesBefore, filesAfter, versionBefore,
                        warehouse.version(table));
            }
            if (settings.vacuum()) {
                onDiskBefore = warehouse.filesOnDisk(table);
                warehouse.vacuum(table, settings.retentionHours(),
                        settings.retentionHours() < Warehouse.SAFE_VACUUM_RETENTION_HOURS);
                onDiskAfter = warehouse.filesOnDisk(table);
                LOG.info("{}: VACUUM RETAIN {} HOURS: {} files removed, {} parquet files left", table,
                        settings.retentionHours(), onDiskBefore - onDiskAfter, onDiskAfter);
            }
            return new TableResult(table, zOrder, versionBefore, warehouse.version(table), filesBefore, filesAfter,
                    onDiskBefore, onDiskAfter, null);
        } catch (Exception e) { // Spark and Delta throw checked exceptions undeclared
            LOG.error("{}: maintenance failed", table, e);
            String reason = e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse("");
            return new TableResult(table, zOrder, versionBefore, -1, filesBefore, filesAfter, onDiskBefore,
                    onDiskAfter, reason);
        }
    }
}
