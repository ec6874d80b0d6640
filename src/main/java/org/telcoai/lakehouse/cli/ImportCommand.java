package org.telcoai.lakehouse.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telcoai.lakehouse.config.LakehouseConfig;
import org.telcoai.lakehouse.sources.EpochGpuClustersAdapter;
import org.telcoai.lakehouse.sources.ImportResult;
import org.telcoai.lakehouse.sources.LandingWriter;
import org.telcoai.lakehouse.sources.SourceAdapter;
import org.telcoai.lakehouse.sources.SourceAdapters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Converts a public data file into the landing contract, as one delivery folder;",
            "the next ingest or nightly takes it in. Needs no Spark."})
final class ImportCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ImportCommand.class);

    @Mixin
    CommonOptions common;

    @Option(names = "--source", required = true, paramLabel = "NAME", converter = SourceNameConverter.class,
            description = "The public format to read.")
    String source;

    @Option(names = "--input", required = true, paramLabel = "PATH", description = "The file (or folder) to read.")
    Path input;

    @Option(names = "--include-planned", description = {"epoch-gpu-clusters only: also import planned clusters",
        "(by default they are counted, not written)."})
    boolean includePlanned;

    @Spec
    CommandSpec spec;

    @Option(names = "--delivery-date", paramLabel = "YYYY-MM-DD", converter = RunDates.class,
            description = "Delivery folder to write. Default: today (UTC).")
    LocalDate deliveryDate;

    @Override
    public Integer call() throws Exception {
        if (includePlanned && !source.equals(EpochGpuClustersAdapter.NAME)) {
            throw new ParameterException(spec.commandLine(),
                    "--include-planned applies to " + EpochGpuClustersAdapter.NAME + " only, not " + source);
        }
        if (!Files.exists(input)) {
            throw new IllegalArgumentException("input not found: " + input);
        }
        LakehouseConfig config = common.load();
        SourceAdapter adapter = includePlanned ? new EpochGpuClustersAdapter(true)
                : SourceAdapters.byName(source).orElseThrow();
        LocalDate delivery = deliveryDate == null ? RunDates.todayUtc() : deliveryDate;
        Path landing = GenerateCommand.localLanding(config);
        ImportResult result;
        try (LandingWriter out = new LandingWriter(landing, delivery, adapter.name())) {
            result = adapter.convert(input, out);
        }
        LOG.info("{}: read {} rows from {}; wrote {} into {} (delivery {}); not written: {}", adapter.name(),
                result.rowsRead(), input, result.rowsWritten(), landing, delivery, result.rowsSkipped());
        return 0;
    }

    /** Refuses an unknown source name while parsing. */
    static final class SourceNameConverter implements picocli.CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (SourceAdapters.byName(value).isEmpty()) {
                throw new picocli.CommandLine.TypeConversionException("unknown source '" + value + "'; known: "
                        + String.join(", ", SourceAdapters.ALL.stream().map(SourceAdapter::name).toList()));
            }
            return value;
        }
    }
}
