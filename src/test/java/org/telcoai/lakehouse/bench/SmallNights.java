package org.telcoai.lakehouse.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.gold.GoldReports;
import org.telcoai.lakehouse.gold.ReportSettings;
import org.telcoai.lakehouse.landing.LandingZone;
import org.telcoai.lakehouse.pipeline.IngestJob;
import org.telcoai.lakehouse.pipeline.ReportJob;
import org.telcoai.lakehouse.testing.SharedSpark;
import org.telcoai.lakehouse.testing.SmallDeliveries;
import org.telcoai.lakehouse.warehouse.Warehouse;

/**
 * The test suite's unit of cost, measured: the small deliveries' three nights (ingest, then reports) in one JVM with
 * the tests' session ({@link SharedSpark}), repeated on an empty warehouse so that the later passes show a warm JVM.
 * Prints seconds and Spark jobs per night and stage; a benchmark, not a test (see docs/benchmarks.md for the command).
 */
public final class SmallNights {

    private SmallNights() { }

    public static void main(String[] args) {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        SparkSession spark = SharedSpark.spark();
        Path landingDir = SharedSpark.newTempDir("small-nights-");
        SmallDeliveries.write(landingDir);
        LandingZone landing = new LandingZone(landingDir.toString(), spark.sparkContext().hadoopConfiguration());
        AtomicInteger jobs = new AtomicInteger();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart jobStart) {
                jobs.incrementAndGet();
            }
        });
        for (int pass = 1; pass <= passes; pass++) {
            SharedSpark.resetWarehouse();
            Warehouse warehouse = SharedSpark.warehouse();
            long passStarted = System.nanoTime();
            int passJobs = jobs.get();
            for (LocalDate night = SmallDeliveries.HISTORY; !night.isAfter(SmallDeliveries.DAY_2);
                 night = night.plusDays(1)) {
                long started = System.nanoTime();
                int before = jobs.get();
                new IngestJob(warehouse, landing, "bench-" + night).run(night, Datasets.ALL);
                long ingested = System.nanoTime();
                int ingestJobs = jobs.get() - before;
                new ReportJob(warehouse, ReportSettings.DEFAULTS).run(GoldReports.ALL, false, "bench-" + night);
                System.out.printf("pass %d night %s: ingest %.1f s %d jobs, reports %.1f s %d jobs%n", pass, night,
                        (ingested - started) / 1e9, ingestJobs, (System.nanoTime() - ingested) / 1e9,
                        jobs.get() - before - ingestJobs);
            }
            System.out.printf("pass %d: %.1f s, %d Spark jobs%n", pass, (System.nanoTime() - passStarted) / 1e9,
                    jobs.get() - passJobs);
        }
        // SharedSpark stops the session in its shutdown hook.
        System.exit(0);
    }
}
