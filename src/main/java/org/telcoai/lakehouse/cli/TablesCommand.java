package org.telcoai.lakehouse.cli;

import org.apache.spark.sql.SparkSession;
import org.telcoai.lakehouse.config.LakehouseConfig;
import org.telcoai.lakehouse.warehouse.Warehouse;
import picocli.CommandLine.Command;

@Command(name = "tables", mixinStandardHelpOptions = true,
        description = "Lists the warehouse's tables with row counts, Delta versions and locations.")
final class TablesCommand extends SparkJob {

    /** Listing must not create tables in an empty warehouse, nor add a commit per look. */
    @Override
    boolean recordsRun() {
        return false;
    }

    @Override
    int run(LakehouseConfig config, SparkSession spark, Warehouse warehouse, String runId) throws Exception {
        StringBuilder out = new StringBuilder(String.format("%-32s %12s %8s  %s%n", "table", "rows", "version",
                "location"));
        for (String name : warehouse.tables()) {
            out.append(String.format("%-32s %12d %8d  %s%n", name, warehouse.rowCount(name),
                    warehouse.version(name), warehouse.location(name)));
        }
        System.out.print(out);
        return 0;
    }
}
