package org.telcoai.lakehouse.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.hive.thriftserver.SparkSQLCLIDriver;
import org.telcoai.lakehouse.spark.LakehouseSpark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Spark's own spark-sql shell (SparkSQLCLIDriver) with the job's settings. The shell builds its session from
 * spark.* system properties and ends the JVM with System.exit itself, so this command hands it the job's
 * SparkConf that way and never returns; Spark is stopped by the shell's shutdown hook.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Spark SQL shell on the warehouse, every table visible by name (gold.gpu_vendor_share, "
            + "silver.energy_prices, ...).",
            "Without -e or -f it is interactive: end each statement with ';', leave with 'quit;' or Ctrl-D.",
            "Results go to stdout, tab-separated; exits 1 at the first failing statement."})
final class SqlCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "-e", paramLabel = "SQL", description = "Run these statements (separated by ';') and exit.")
    String query;

    @Option(names = "-f", paramLabel = "FILE", description = "Run the statements in this file and exit.")
    Path file;

    @Option(names = {"-S", "--silent"}, description = "No 'Time taken' lines or startup banner on stderr.")
    boolean silent;

    @Option(names = "--database", paramLabel = "NAME", description = "Current database at start (default: default).")
    String database;

    @Override
    public Integer call() throws Exception {
        if (query != null && file != null) {
            throw new IllegalArgumentException("give either -e or -f, not both");
        }
        if (file != null && !Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file);
        }
        SparkConf conf = LakehouseSpark.forJavaTimeSessions(LakehouseSpark.conf(common.load(), "sql"));
        for (scala.Tuple2<String, String> setting : conf.getAll()) {
            System.setProperty(setting._1(), setting._2());
        }
        SparkSQLCLIDriver.main(shellArguments().toArray(String[]::new));
        return 0;
    }

    List<String> shellArguments() {
        List<String> args = new ArrayList<>();
        if (query != null) {
            args.addAll(List.of("-e", query));
        }
        if (file != null) {
            args.addAll(List.of("-f", file.toAbsolutePath().toString()));
        }
        if (silent) {
            args.add("-S");
        }
        if (database != null) {
            args.addAll(List.of("--database", database));
        }
        return args;
    }
}
