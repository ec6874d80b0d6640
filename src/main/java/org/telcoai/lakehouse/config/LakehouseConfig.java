package org.telcoai.lakehouse.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.time.LocalDate;
import java.util.Objects;

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

    public int commitRetries() {
        return config.getInt("ingest.commit-retries");
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

    public Config raw() {
        return config;
    }
}
