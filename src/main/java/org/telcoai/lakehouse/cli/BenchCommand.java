package org.telcoai.lakehouse.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telcoai.lakehouse.bench.NaiveBaseline;
import org.telcoai.lakehouse.bench.StageFigures;
import org.telcoai.lakehouse.bench.StageTimer;
import org.telcoai.lakehouse.bench.TableFiles;
import org.telcoai.lakehouse.config.LakehouseConfig;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.demo.DemoDataGenerator;
import org.telcoai.lakehouse.demo.DemoOptions;
import org.telcoai.lakehouse.gold.GoldReports;
import org.telcoai.lakehouse.landing.LandingZone;
import org.telcoai.lakehouse.pipeline.DatasetResult;
import org.telcoai.lakehouse.pipeline.IngestJob;
import org.telcoai.lakehouse.pipeline.ReportJob;
import org.telcoai.lakehouse.warehouse.Layer;
import org.telcoai.lakehouse.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures the pipeline on generated data in a fresh folder: generate the demo data at",
            "--scale, a full night (the history delivery: ingest, then every gold report), then an incremental",
            "night (one new day's delivery), then a naive baseline on the full night's files (plain spark.read",
            "to Delta and the same gold transforms, nothing else). Prints wall seconds, rows, rows per second and",
            "peak heap per stage, the ratios full/baseline and incremental/full, files and mean file size of",
            "each silver, reference and gold table, and writes the same figures as JSON. Uses its own warehouse and catalog, never the configured ones."})
final class BenchCommand extends SparkJob {

    private static final Logger LOG = LoggerFactory.getLogger(BenchCommand.class);

    @Option(names = "--scale", defaultValue = "1", description = "Demo data size: 1 is about 10 million rows. "
            + "Default: ${DEFAULT-VALUE}.")
    double scale;

    @Option(names = "--years", description = "Years of history. Default: lakehouse.demo.history-years.")
    Integer years;

    @Option(names = "--folder", paramLabel = "DIR",
            description = "A new or empty folder for the data, warehouse and figures. Default: "
                    + "<lakehouse.home>/data/bench/<UTC time>.")
    Path folder;

    private final StageTimer timer = new StageTimer();
    private DemoOptions demo;

    @Override
    LakehouseConfig prepare(LakehouseConfig loaded) throws IOException {
        if (scale <= 0) {
            throw new IllegalArgumentException("--scale must be > 0");
        }
        if (folder == null) {
            folder = Path.of(loaded.raw().getString("home"), "data", "bench",
                    DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(ZonedDateTime.now(ZoneOffset.UTC)));
        }
        folder = folder.toAbsolutePath();
        if (Files.isDirectory(folder)) {
            try (var entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("--folder " + folder + " is not empty: a benchmark starts "
                            + "from nothing");
                }
            }
        }
        Files.createDirectories(folder);
        demo = new DemoOptions(folder.resolve("landing"), scale, years != null ? years : loaded.demoYears(),
                loaded.demoSeed(), loaded.demoBadRows(), loaded.demoEndDate(), 1);
        // Its own warehouse and an embedded catalog in the folder: a benchmark never touches the real ones.
        return LakehouseConfig.of(ConfigFactory.parseMap(Map.of(
                "landing", folder.resolve("landing").toString(),
                "warehouse", folder.resolve("warehouse").toString(),
                "metastore-dir", folder.resolve("metastore").toString(),
                "metastore.mode", "embedded",
                "reports.folder", folder.resolve("reports").toString())).withFallback(loaded.raw()));
    }

    @Override
    void beforeSpark(LakehouseConfig config) throws Exception {
        timer.measure("generate", () -> new DemoDataGenerator(demo).generate(),
                summary -> summary.rowsPerDataset().values().stream().mapToLong(Number::longValue).sum());
    }

    @Override
    LocalDate runDateOption() {
        return demo.endDate();
    }

    @Override
    int run(LakehouseConfig config, SparkSession spark, Warehouse warehouse, String runId) throws Exception {
        LandingZone landing = new LandingZone(config.landing(), spark.sparkContext().hadoopConfiguration());
        LocalDate fullNight = demo.endDate().minusDays(1);
        night("full", fullNight, config, warehouse, landing, runId);
        night("incremental", demo.endDate(), config, warehouse, landing, runId);
        List<TableFiles> files = TableFiles.of(warehouse, List.of(Layer.SILVER, Layer.GOLD, Layer.REFERENCE));

        NaiveBaseline baseline = new NaiveBaseline(spark, config.landing(), folder.resolve("naive").toUri().toString());
        timer.measure("baseline: load", () -> Datasets.ALL.stream()
                .mapToLong(spec -> baseline.load(spec, fullNight)).sum(), Long::longValue);
        timer.measure("baseline: gold", () -> NaiveBaseline.REPORTS.stream()
                .mapToLong(report -> baseline.report(report, config.reportSettings())).sum(), Long::longValue);

        List<StageFigures> stages = timer.stages();
        double full = seconds(stages, "full:");
        double incremental = seconds(stages, "incremental:");
        double naive = seconds(stages, "baseline:");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("scale", scale);
        figures.put("history_years", demo.historyYears());
        figures.put("spark_master", spark.sparkContext().master());
        figures.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        figures.put("available_processors", Runtime.getRuntime().availableProcessors());
        figures.put("stages", stages);
        figures.put("full_seconds", full);
        figures.put("incremental_seconds", incremental);
        figures.put("baseline_seconds", naive);
        figures.put("full_over_baseline", naive > 0 ? full / naive : null);
        figures.put("incremental_over_full", full > 0 ? incremental / full : null);
        figures.put("tables", files);
        Path json = folder.resolve("bench.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), figures);
        System.out.println(table(stages, full, incremental, naive));
        System.out.println(TableFiles.table(files));
        LOG.info("Figures in {}", json);
        return 0;
    }

    private void night(String name, LocalDate date, LakehouseConfig config, Warehouse warehouse,
                       LandingZone landing, String runId) throws Exception {
        timer.measure(name + ": ingest", () -> new IngestJob(warehouse, landing, runId + "-" + name)
                .run(date, Datasets.ALL), results -> results.stream().mapToLong(DatasetResult::rowsRead).sum());
        timer.measure(name + ": gold", () -> new ReportJob(warehouse, config.reportSettings())
                .run(GoldReports.ALL, false, runId + "-" + name),
                results -> results.stream().mapToLong(ReportJob.ReportResult::rows).sum());
    }

    private static double seconds(List<StageFigures> stages, String prefix) {
        return stages.stream().filter(s -> s.stage().startsWith(prefix)).mapToDouble(StageFigures::seconds).sum();
    }

    static String table(List<StageFigures> stages, double full, double incremental, double naive) {
        StringBuilder out = new StringBuilder(String.format("%n%-20s %10s %12s %12s %14s%n", "stage", "seconds",
                "rows", "rows/s", "live heap MiB"));
        for (StageFigures s : stages) {
            out.append(String.format("%-20s %10.1f %12d %12.0f %14d%n", s.stage(), s.seconds(), s.rows(),
                    s.rowsPerSecond(), s.peakHeapBytes() >> 20));
        }
        out.append(String.format("full night %.1f s, naive baseline %.1f s, full/baseline %.2f%n", full, naive,
                naive > 0 ? full / naive : Double.NaN));
        out.append(String.format("incremental night %.1f s, incremental/full %.3f%n", incremental,
                full > 0 ? incremental / full : Double.NaN));
        return out.toString();
    }
}
