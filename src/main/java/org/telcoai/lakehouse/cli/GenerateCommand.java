package org.telcoai.lakehouse.cli;

import java.util.concurrent.Callable;
import org.telcoai.lakehouse.config.LakehouseConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes a seeded, realistic demo landing zone (history, then daily deliveries).")
final class GenerateCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("generate arrives with the demo generator");
    }

    static void generateDemoIfEmpty(LakehouseConfig config) {
    }
}
