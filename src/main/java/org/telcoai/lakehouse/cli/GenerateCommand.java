package org.telcoai.lakehouse.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telcoai.lakehouse.config.LakehouseConfig;
import org.telcoai.lakehouse.demo.DemoDataGenerator;
import org.telcoai.lakehouse.demo.DemoOptions;
import org.telcoai.lakehouse.demo.DemoSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a seeded, reproducible demo landing zone: years of history in one delivery,",
            "then daily deliveries with new rows, restatements and a share of realistic defects.",
            "Defaults come from lakehouse.demo.* in the configuration. Needs no Spark."})
final class GenerateCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(GenerateCommand.class);

    @Mixin
    CommonOptions common;

    @Option(names = "--scale", description = "Size factor: 1 is of the order of 10 million rows. Default: config.")
    Double scale;

    @Option(names = "--years", description = "Years of history. Default: config.")
    Integer years;

    @Option(names = "--seed", description = "Random seed; the same options give byte-identical files.")
    Long seed;

    @Option(names = "--bad-rows", paramLabel = "FRACTION", description = "Share of defective rows, 0..1.")
    Double badRows;

    @Option(names = "--end-date", paramLabel = "YYYY-MM-DD", converter = RunDates.class,
            description = "Date of the last daily delivery. Default: config.")
    LocalDate endDate;

    @Option(names = "--daily-deliveries", paramLabel = "N", description = "Daily deliveries after the history.")
    Integer dailyDeliveries;

    @Override
    public Integer call() throws IOException {
        LakehouseConfig config = common.load();
        DemoOptions options = new DemoOptions(localLanding(config),
                scale != null ? scale : config.demoScale(), years != null ? years : config.demoYears(),
                seed != null ? seed : config.demoSeed(), badRows != null ? badRows : config.demoBadRows(),
                endDate != null ? endDate : config.demoEndDate(),
                dailyDeliveries != null ? dailyDeliveries : config.demoDailyDeliveries());
        if (options.scale() <= 0 || options.historyYears() < 1 || options.badRowFraction() < 0
                || options.badRowFraction() > 1 || options.dailyDeliveries() < 0) {
            throw new IllegalArgumentException("need --scale > 0, --years >= 1, 0 <= --bad-rows <= 1, "
                    + "--daily-deliveries >= 0");
        }
        generate(options);
        return 0;
    }

    /** The quick start's demo data, for a local landing zone only: HDFS or object storage gets real deliveries. */
    static void generateDemoIfEmpty(LakehouseConfig config) throws IOException {
        if (!config.generateDemoWhenEmpty() || !isLocal(config.landing())) {
            return;
        }
        Path landing = localLanding(config);
        if (Files.isDirectory(landing)) {
            try (var entries = Files.list(landing)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
        } else if (Files.exists(landing)) {
            throw new IllegalArgumentException("landing zone " + landing + " is not a folder");
        }
        LOG.info("Landing zone {} is empty: generating the demo data set first", landing);
        generate(new DemoOptions(landing, config.demoScale(), config.demoYears(), config.demoSeed(),
                config.demoBadRows(), config.demoEndDate(), config.demoDailyDeliveries()));
    }

    private static void generate(DemoOptions options) throws IOException {
        long started = System.nanoTime();
        DemoSummary summary = new DemoDataGenerator(options).generate();
        LOG.info("Demo data in {}: {} files, rows per dataset {}, defective rows {} ({} s)", options.landingDir(),
                summary.files(), summary.rowsPerDataset(), summary.badRowsPerDataset(),
                String.format("%.1f", (System.nanoTime() - started) / 1e9));
    }

    /** The generator writes local files; a landing zone on object storage is filled by real deliveries. */
    static Path localLanding(LakehouseConfig config) {
        String landing = config.landing();
        if (landing.startsWith("file:")) {
            return Path.of(java.net.URI.create(landing));
        }
        if (!isLocal(landing)) {
            throw new IllegalArgumentException("demo data is generated into a local folder; landing is " + landing);
        }
        return Path.of(landing).toAbsolutePath();
    }

    private static boolean isLocal(String path) {
        return path.startsWith("file:") || !path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
    }
}
