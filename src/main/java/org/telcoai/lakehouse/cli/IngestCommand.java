package org.telcoai.lakehouse.cli;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.telcoai.lakehouse.config.LakehouseConfig;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.datasets.DatasetSpec;
import org.telcoai.lakehouse.landing.LandingZone;
import org.telcoai.lakehouse.ops.JobRuns;
import org.telcoai.lakehouse.ops.RunAudit;
import org.telcoai.lakehouse.pipeline.DatasetResult;
import org.telcoai.lakehouse.pipeline.IngestJob;
import org.telcoai.lakehouse.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingests new landing files into bronze, silver and quarantine.",
            "Files already ingested with the same content are skipped, so re-running is safe."})
final class IngestCommand extends SparkJob {

    @Option(names = "--run-date", paramLabel = "YYYY-MM-DD", converter = RunDates.class,
            description = "Ingest deliveries dated up to this day. Default: today (UTC).")
    LocalDate runDate;

    @Option(names = "--datasets", split = ",", paramLabel = "NAME", converter = DatasetNameConverter.class,
            description = "Only these datasets (comma-separated): ${COMPLETION-CANDIDATES}. Default: all.",
            completionCandidates = DatasetNames.class)
    List<String> datasets;

    /** A wrong quality-gate setting is a usage error, found before Spark starts. */
    @Override
    void beforeSpark(LakehouseConfig config) {
        config.qualityGates();
    }

    @Override
    LocalDate runDateOption() {
        return runDate;
    }

    @Override
    int run(LakehouseConfig config, SparkSession spark, Warehouse warehouse, String runId) {
        List<DatasetSpec> selected = datasets == null ? Datasets.ALL
                : datasets.stream().map(Datasets::require).toList();
        return ingest(config, warehouse, audit(), selected);
    }

    /**
     * Ingests deliveries up to the audit's run date, one audit row per dataset, then enforces the quality gates
     * (a QualityGateException when one fails). The audit rows stay buffered for the caller's next flush.
     */
    static int ingest(LakehouseConfig config, Warehouse warehouse, RunAudit audit, List<DatasetSpec> datasets) {
        LandingZone landing = new LandingZone(config.landing(), warehouse.spark().sparkContext().hadoopConfiguration());
        List<DatasetResult> results = audit.stage(JobRuns.INGEST, stage -> new IngestJob(warehouse, landing,
                audit.runId()).run(audit.runDate(), datasets, r -> stage.succeeded(r.dataset(), r.rowsRead(),
                        r.rowsAccepted(), r.rowsQuarantined(), r.tableVersions())));
        Summary.print(audit.runId(), audit.runDate(), results);
        config.qualityGates().enforce(audit, warehouse, results);
        return 0;
    }

    /** Refuses an unknown dataset name while parsing, before Spark starts: a usage error (exit 2). */
    static final class DatasetNameConverter implements picocli.CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (Datasets.byName(value).isEmpty()) {
                throw new picocli.CommandLine.TypeConversionException("unknown dataset '" + value + "'; known: "
                        + String.join(", ", Datasets.ALL.stream().map(DatasetSpec::name).toList()));
            }
            return value;
        }
    }

    /** Dataset names for --help. */
    static final class DatasetNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Datasets.ALL.stream().map(DatasetSpec::name).iterator();
        }
    }
}
