package org.telcoai.lakehouse.cli;

import java.io.File;
import org.telcoai.lakehouse.config.LakehouseConfig;
import picocli.CommandLine.Option;

/** Options every subcommand takes. */
public final class CommonOptions {

    @Option(names = "--landing", paramLabel = "DIR",
            description = "Landing zone root (any Hadoop path). Default: lakehouse.landing in the configuration.")
    String landing;

    @Option(names = "--warehouse", paramLabel = "DIR",
            description = "Delta warehouse root (any Hadoop path). Default: lakehouse.warehouse in the configuration.")
    String warehouse;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (HOCON) replacing conf/application.conf.")
    File config;

    LakehouseConfig load() {
        return LakehouseConfig.load(config).withPaths(landing, warehouse);
    }
}
