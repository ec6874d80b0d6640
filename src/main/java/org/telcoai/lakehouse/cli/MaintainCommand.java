package org.telcoai.lakehouse.cli;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.telcoai.lakehouse.config.LakehouseConfig;
import org.telcoai.lakehouse.pipeline.MaintainJob;
import org.telcoai.lakehouse.pipeline.MaintainJob.TableResult;
import org.telcoai.lakehouse.warehouse.Layer;
import org.telcoai.lakehouse.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

@Command(name = "maintain", mixinStandardHelpOptions = true,
        description = {"Compacts every Delta table (OPTIMIZE; silver fact tables Z-ordered on the columns reports "
            + "filter by), then deletes the files older versions no longer need (VACUUM).",
            "",
            "VACUUM keeps what versions younger than the retention need (default "
                + "lakehouse.maintain.vacuum-retention-hours, 168); time travel and change data feed reads further "
                + "back fail afterwards, and incremental reports recompute in full. A retention below 168 hours is "
                + "refused unless --force is given. Run it when no nightly run is writing."})
final class MaintainCommand extends SparkJob {

    @Option(names = "--tables", split = ",", paramLabel = "SCHEMA.TABLE", converter = TableName.class,
            description = "Only these tables (comma-separated, e.g. silver.energy_prices). Default: every table of "
                + "bronze, silver, quarantine, reference, gold and ops.")
    List<String> tables;

    @Option(names = "--retention-hours", paramLabel = "HOURS",
            description = "VACUUM retention. Default: lakehouse.maintain.vacuum-retention-hours.")
    Double retentionHours;

    @Option(names = "--force",
            description = "Allow a retention below 168 hours (lifts Delta's retention check for this run only).")
    boolean force;

    @Option(names = "--no-optimize", description = "Skip OPTIMIZE.")
    boolean noOptimize;

    @Option(names = "--no-vacuum", description = "Skip VACUUM.")
    boolean noVacuum;

    private MaintainJob.Settings settings;

    /** A retention refused or nothing to do is a usage error found before Spark starts. */
    @Override
    void beforeSpark(LakehouseConfig config) {
        if (noOptimize && noVacuum) {
            throw new IllegalArgumentException("--no-optimize and --no-vacuum together leave nothing to do");
        }
        double hours = retentionHours != null ? retentionHours : config.vacuumRetentionHours();
        if (!noVacuum) {
            MaintainJob.checkRetention(hours, force);
        }
        settings = new MaintainJob.Settings(!noOptimize, !noVacuum, hours, force);
    }

    @Override
    int run(LakehouseConfig config, SparkSession spark, Warehouse warehouse, String runId) {
        MaintainJob job = new MaintainJob(warehouse);
        List<TableResult> results = job.run(job.select(tables), settings);
        StringBuilder out = new StringBuilder(String.format("%-32s %9s %13s %8s  %s%n", "table", "version",
                "files", "vacuumed", "z-order"));
        for (TableResult r : results) {
            out.append(String.format("%-32s %4s->%-4s %6s->%-6s %8s  %s%n", r.table(), count(r.versionBefore()),
                    count(r.versionAfter()), count(r.filesBefore()), count(r.filesAfter()), count(r.filesVacuumed()),
                    r.failed() ? "FAILED: " + r.error() : String.join(",", r.zOrder())));
        }
        System.out.print(out);
        List<TableResult> failed = results.stream().filter(TableResult::failed).toList();
        if (!failed.isEmpty()) {
            throw new IllegalStateException("maintenance failed for " + failed.size() + " of " + results.size()
                    + " tables: " + failed.stream().map(r -> r.table() + " (" + r.error() + ")").toList());
        }
        return 0;
    }

    private static String count(long value) {
        return value < 0 ? "-" : Long.toString(value);
    }

    /** {@code schema.table} with one of the project's schemas; anything else is refused while parsing. */
    static final class TableName implements ITypeConverter<String> {
        private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*");

        @Override
        public String convert(String value) {
            List<String> schemas = Arrays.stream(Layer.values()).map(Layer::schema).toList();
            if (!NAME.matcher(value).matches() || !schemas.contains(value.substring(0, value.indexOf('.')))) {
                throw new TypeConversionException("not a table name '" + value + "': expected <schema>.<table> "
                        + "in lower case, schema one of " + String.join(", ", schemas));
            }
            return value;
        }
    }
}
