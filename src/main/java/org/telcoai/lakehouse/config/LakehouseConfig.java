package org.telcoai.lakehouse.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.telcoai.lakehouse.datasets.DatasetSpec;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.pipeline.QualityGates;

/**
 * Application settings: built-in defaults (reference.conf in the jar), then conf/application.conf (or the file
 * given with --config / -Dconfig.file), then environment variables and -D system properties, then command-line
 * options, later ones winning.
 */
public final class LakehouseConfig {

    private final Config config;
    private final String landingOverride;
    private final String warehouseOverride;

    private LakehouseConfig(Config config, String landingOverride, String warehouseOverride) {
        this.config = config;
        this.landingOverride = landingOverride;
        this.warehouseOverride = warehouseOverride;
    }

    /** Loads the layers; {@code configFile} (or -Dconfig.file) replaces the application.conf on the classpath. */
    public static LakehouseConfig load(File configFile) {
        File file = configFile;
        if (file == null && System.getProperty("config.file") != null) {
            file = new File(System.getProperty("config.file"));
        }
        Config application;
        if (file != null) {
            if (!file.isFile()) {
                throw new IllegalArgumentException("config file not found: " + file);
            }
            application = ConfigFactory.parseFile(file);
        } else {
            application = ConfigFactory.parseResourcesAnySyntax("application");
        }
        // Resolved as one stack so that an override of lakehouse.home also moves the default data folders.
        Config all = ConfigFactory.systemProperties()
                .withFallback(application)
                .withFallback(ConfigFactory.parseResources(LakehouseConfig.class.getClassLoader(), "reference.conf"))
                .resolve();
        return new LakehouseConfig(all.getConfig("lakehouse"), null, null);
    }

    public static LakehouseConfig of(Config lakehouse) {
        return new LakehouseConfig(lakehouse, null, null);
    }

    public LakehouseConfig withPaths(String landing, String warehouse) {
        return new LakehouseConfig(config, landing != null ? landing : landingOverride,
                warehouse != null ? warehouse : warehouseOverride);
    }

    public String landing() {
        return Objects.requireNonNullElse(landingOverride, config.getString("landing"));
    }

    public String warehouse() {
        return Objects.requireNonNullElse(warehouseOverride, config.getString("warehouse"));
    }

    /** Folder of the embedded Derby metastore; empty means {@code <warehouse>/_metastore}. */
    public String metastoreDir() {
        return config.getString("metastore-dir");
    }

    /** How the job reaches the Derby metastore of a local warehouse: {@code server} or {@code embedded}. */
    public String metastoreMode() {
        return config.getString("metastore.mode");
    }

    /** Port of the Derby network server on 127.0.0.1 in server mode. */
    public int metastorePort() {
        return config.getInt("metastore.port");
    }

    public java.time.Duration metastoreStartTimeout() {
        return config.getDuration("metastore.start-timeout");
    }

    /** Interface the JDBC server of 'serve' listens on. */
    public String serveHost() {
        return config.getString("serve.host");
    }

    public int servePort() {
        return config.getInt("serve.port");
    }

    /** How long a writing run waits for another one to finish with the warehouse (lakehouse.writer-lock-timeout). */
    public java.time.Duration writerLockTimeout() {
        return config.getDuration("writer-lock-timeout");
    }

    public int commitRetries() {
        return config.getInt("ingest.commit-retries");
    }

    /** Tables written side by side by ingest and report (lakehouse.concurrent-writes). */
    public int concurrentWrites() {
        return config.getInt("concurrent-writes");
    }

    /** Hours of history VACUUM keeps (lakehouse.maintain.vacuum-retention-hours). */
    public double vacuumRetentionHours() {
        return config.getDouble("maintain.vacuum-retention-hours");
    }

    public double demoScale() {
        return config.getDouble("demo.scale");
    }

    public int demoYears() {
        return config.getInt("demo.history-years");
    }

    public long demoSeed() {
        return config.getLong("demo.seed");
    }

    public double demoBadRows() {
        return config.getDouble("demo.bad-rows");
    }

    public LocalDate demoEndDate() {
        return LocalDate.parse(config.getString("demo.end-date"));
    }

    public int demoDailyDeliveries() {
        return config.getInt("demo.daily-deliveries");
    }

    public boolean generateDemoWhenEmpty() {
        return config.getBoolean("demo.generate-when-landing-empty");
    }

    /** Local folder for report exports. */
    public String reportsFolder() {
        return config.getString("reports.folder");
    }

    /** Average share of a site's IT capacity in use, for site energy cost. */
    public double siteUtilization() {
        return config.getDouble("reports.site-utilization");
    }

    /** The report settings: site utilization and the H100-equivalent's 16-bit TFLOP/s. */
    public org.telcoai.lakehouse.gold.ReportSettings reportSettings() {
        return new org.telcoai.lakehouse.gold.ReportSettings(siteUtilization(),
                new java.math.BigDecimal(config.getString("reports.h100-tflops-16bit")));
    }

    /**
     * Quality gates per dataset: {@code quality-gates.datasets.<name>} over {@code quality-gates.default}; a
     * limit set to {@code off} is not checked. An unknown dataset name or a limit out of range is a usage error.
     */
    public QualityGates qualityGates() {
        Config gates = config.getConfig("quality-gates");
        Config defaults = gates.getConfig("default");
        Config perDataset = gates.getConfig("datasets");
        for (String name : perDataset.root().keySet()) {
            if (Datasets.byName(name).isEmpty()) {
                throw new IllegalArgumentException("lakehouse.quality-gates.datasets." + name + ": unknown dataset; "
                        + "known: " + String.join(", ", Datasets.ALL.stream().map(DatasetSpec::name).toList()));
            }
        }
        Map<String, QualityGates.Limits> limits = new LinkedHashMap<>();
        for (DatasetSpec spec : Datasets.ALL) {
            Config dataset = perDataset.hasPath(spec.name())
                    ? perDataset.getConfig(spec.name()).withFallback(defaults) : defaults;
            String where = "lakehouse.quality-gates." + (perDataset.hasPath(spec.name())
                    ? "datasets." + spec.name() : "default");
            Double rate = offOr(dataset, "max-quarantine-rate", dataset::getDouble);
            if (rate != null && (rate < 0 || rate > 1)) {
                throw new IllegalArgumentException(where + ".max-quarantine-rate must be a fraction 0..1 or off, not "
                        + rate);
            }
            Integer days = offOr(dataset, "max-delivery-age-days", dataset::getInt);
            if (days != null && days < 0) {
                throw new IllegalArgumentException(where + ".max-delivery-age-days must be >= 0 or off, not " + days);
            }
            limits.put(spec.name(), new QualityGates.Limits(rate, days));
        }
        return new QualityGates(limits);
    }

    private static <T> T offOr(Config config, String path, java.util.function.Function<String, T> value) {
        return "off".equals(config.getValue(path).unwrapped().toString()) ? null : value.apply(path);
    }

    public Config raw() {
        return config;
    }
}
