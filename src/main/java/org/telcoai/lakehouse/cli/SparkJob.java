package org.telcoai.lakehouse.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.telcoai.lakehouse.config.LakehouseConfig;
import org.telcoai.lakehouse.spark.LakehouseSpark;
import org.telcoai.lakehouse.warehouse.Warehouse;
import picocli.CommandLine.Mixin;

/** A subcommand that needs Spark: the session is always stopped, whatever happens, before the exit code. */
abstract class SparkJob implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Override
    public final Integer call() throws Exception {
        LakehouseConfig config = common.load();
        String runId = "run-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .format(Instant.now()) + "-" + UUID.randomUUID().toString().substring(0, 8);
        beforeSpark(config);
        SparkConf conf = configure(LakehouseSpark.conf(config, getClass().getSimpleName()));
        SparkSession spark = LakehouseSpark.create(conf);
        try {
            Warehouse warehouse = new Warehouse(spark, LakehouseSpark.qualify(config.warehouse()),
                    config.commitRetries());
            return run(config, spark, warehouse, runId);
        } finally {
            spark.stop();
        }
    }

    /** Work that needs no Spark (such as generating demo files) and must happen before it starts. */
    void beforeSpark(LakehouseConfig config) throws Exception {
    }

    /** Settings of this command's session on top of the job's. */
    SparkConf configure(SparkConf conf) {
        return conf;
    }

    abstract int run(LakehouseConfig config, SparkSession spark, Warehouse warehouse, String runId) throws Exception;
}
