package org.telcoai.lakehouse.cli;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.telcoai.lakehouse.config.LakehouseConfig;
import org.telcoai.lakehouse.gold.GoldReport;
import org.telcoai.lakehouse.gold.GoldReports;
import org.telcoai.lakehouse.gold.ReportSettings;
import org.telcoai.lakehouse.pipeline.ReportJob;
import org.telcoai.lakehouse.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Recomputes gold reports (gold.<name>) from the silver and reference tables.")
final class ReportCommand extends SparkJob {

    @Option(names = "--reports", split = ",", paramLabel = "NAME", converter = ReportNameConverter.class,
            description = "Only these reports (comma-separated). Default: all.")
    List<String> reports;

    @Override
    int run(LakehouseConfig config, SparkSession spark, Warehouse warehouse, String runId) {
        List<GoldReport> selected = reports == null ? GoldReports.ALL
                : reports.stream().map(name -> GoldReports.byName(name).orElseThrow()).toList();
        return report(config, warehouse, selected);
    }

    static int report(LakehouseConfig config, Warehouse warehouse, List<GoldReport> reports) {
        new ReportJob(warehouse, new ReportSettings(config.siteUtilization())).run(reports);
        return 0;
    }

    /** Refuses an unknown report name while parsing, before Spark starts. */
    static final class ReportNameConverter implements picocli.CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (GoldReports.byName(value).isEmpty()) {
                throw new picocli.CommandLine.TypeConversionException("unknown report '" + value + "'; known: "
                        + String.join(", ", GoldReports.ALL.stream().map(GoldReport::name).toList()));
            }
            return value;
        }
    }
}
