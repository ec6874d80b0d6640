package org.telcoai.lakehouse.pipeline;

import static org.apache.spark.sql.functions.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telcoai.lakehouse.bronze.BronzeReader;
import org.telcoai.lakehouse.bronze.BronzeSchema;
import org.telcoai.lakehouse.bronze.Lineage;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.datasets.DatasetSpec;
import org.telcoai.lakehouse.landing.FileFormat;
import org.telcoai.lakehouse.landing.FileInspection;
import org.telcoai.lakehouse.landing.LandingFile;
import org.telcoai.lakehouse.landing.LandingZone;
import org.telcoai.lakehouse.ops.GoldWatermarks;
import org.telcoai.lakehouse.ops.IngestLog;
import org.telcoai.lakehouse.ops.JobRuns;
import org.telcoai.lakehouse.ops.IngestLog.Entry;
import org.telcoai.lakehouse.ops.IngestLog.Status;
import org.telcoai.lakehouse.quarantine.QuarantineSchema;
import org.telcoai.lakehouse.silver.ReferenceData;
import org.telcoai.lakehouse.silver.SilverSchema;
import org.telcoai.lakehouse.silver.SilverVersions;
import org.telcoai.lakehouse.silver.SilverWriter;
import org.telcoai.lakehouse.silver.Validation;
import org.telcoai.lakehouse.warehouse.Layer;
import org.telcoai.lakehouse.warehouse.Warehouse;

/**
 * Landing -> bronze -> silver and quarantine, for every dataset, in dependency order. Each dataset's new files
 * form one numbered batch: logged STARTED, appended to bronze and quarantine with Delta transaction ids
 * (batch number as version), merged into silver, then logged INGESTED. Re-running after a crash at any point
 * redoes the unfinished batch without duplicating a row; re-running after success finds nothing new.
 */
public final class IngestJob {

    private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);
    /** Reference datasets with no delivery in the landing zone use the defaults packaged in the jar. */
    public static final String BUILTIN_REFERENCE_FOLDER = "reference/";

    private final Warehouse warehouse;
    private final LandingZone landing;
    private final String runId;
    private final IngestLog ingestLog;
    private final BronzeReader bronzeReader;
    private final SilverWriter silverWriter;
    private final ReferenceData references;

    public IngestJob(Warehouse warehouse, LandingZone landing, String runId) {
        this.warehouse = warehouse;
        this.landing = landing;
        this.runId = runId;
        this.ingestLog = new IngestLog(warehouse);
        this.bronzeReader = new BronzeReader(warehouse.spark());
        this.silverWriter = new SilverWriter(warehouse);
        this.references = new ReferenceData(warehouse);
    }

    /** Creates every schema and table this job writes, at the catalog's default locations. */
    public static void ensureTables(Warehouse warehouse) {
        warehouse.ensureSchemas();
        List<Runnable> tables = new ArrayList<>();
        tables.add(() -> new IngestLog(warehouse).ensureTable());
        tables.add(() -> new JobRuns(warehouse).ensureTable());
        tables.add(() -> new GoldWatermarks(warehouse).ensureTable());
        for (DatasetSpec spec : Datasets.ALL) {
            tables.add(() -> warehouse.ensureTable(Layer.BRONZE.table(spec.name()), BronzeSchema.of(spec),
                    BronzeSchema.PARTITION_COLUMNS, Map.of()));
            tables.add(() -> warehouse.ensureTable(QuarantineSchema.table(spec), QuarantineSchema.of(spec), List.of(),
                    Map.of()));
            tables.add(() -> warehouse.ensureTable(SilverSchema.table(spec), SilverSchema.of(spec),
                    SilverSchema.partitionColumns(spec), SilverSchema.properties(spec)));
            if (!spec.isReference()) {
                // Each batch updates when earlier versions were superseded: deletion vectors, not file rewrites.
                tables.add(() -> warehouse.ensureTable(SilverVersions.table(spec), SilverVersions.of(spec),
                        SilverSchema.partitionColumns(spec), Map.of("delta.enableDeletionVectors", "true")));
            }
        }
        DependentTasks.run(warehouse.spark(), "create", tables, table -> List.of(), table -> {
            table.run();
            return table;
        }, warehouse.concurrentWrites(), table -> { });
    }

    /** Ingests every delivery dated up to {@code runDate}, for all datasets or the named ones. */
    public List<DatasetResult> run(LocalDate runDate, List<DatasetSpec> datasets) {
        return run(runDate, datasets, result -> { });
    }

    /**
     * As {@link #run(LocalDate, List)}, handing each dataset's result over in order as soon as it and those before it
     * are done. Datasets are ingested side by side, each after the reference datasets its validation reads
     * ({@link Warehouse#concurrentWrites()} at once); each writes only its own tables.
     *
     * <p>The shared ops.ingest_log is written twice a night, not twice per dataset: every dataset's batches are
     * planned first and logged STARTED in one commit, before any of their rows is written; the files of the
     * batches that finished are logged INGESTED in one commit at the end, also when another dataset failed. A batch
     * still STARTED when a run dies is finished by the next run under its own number.
     */
    public List<DatasetResult> run(LocalDate runDate, List<DatasetSpec> datasets, Consumer<DatasetResult> done) {
        ensureTables(warehouse);
        long started = System.nanoTime();
        Map<String, List<Entry>> logged = ingestLog.entriesByDataset();
        List<Plan> plans = DependentTasks.run(warehouse.spark(), "plan", datasets, spec -> List.of(),
                spec -> plan(spec, runDate, logged.getOrDefault(spec.name(), List.of())),
                warehouse.concurrentWrites(), plan -> { });
        List<Entry> toLog = plans.stream().flatMap(plan -> plan.toLog().stream()).toList();
        ingestLog.upsert(toLog);
        LOG.info("{} files checked; {} new or changed logged STARTED or REJECTED in {} ({} s)",
                plans.stream().mapToInt(Plan::candidates).sum(), toLog.size(), IngestLog.TABLE,
                String.format("%.1f", (System.nanoTime() - started) / 1e9));
        Map<DatasetSpec, Plan> bySpec = new HashMap<>();
        plans.forEach(plan -> bySpec.put(plan.spec(), plan));
        List<Entry> finished = java.util.Collections.synchronizedList(new ArrayList<>());
        List<DatasetResult> results;
        try {
            results = DependentTasks.run(warehouse.spark(), "ingest", datasets, Datasets::readBy, spec -> {
                long datasetStarted = System.nanoTime();
                DatasetResult result = ingest(bySpec.get(spec), finished::addAll);
                LOG.info("{}: {} files ingested, {} rejected, {} already ingested; rows read {} = accepted {} + "
                                + "quarantined {}; {} now holds {} rows ({} s)", spec.name(), result.filesIngested(),
                        result.filesRejected(), result.filesSkipped(), result.rowsRead(), result.rowsAccepted(),
                        result.rowsQuarantined(), SilverSchema.table(spec), result.silverRows(),
                        String.format("%.1f", (System.nanoTime() - datasetStarted) / 1e9));
                return result;
            }, warehouse.concurrentWrites(), done);
        } catch (Exception | Error e) { // Spark throws checked exceptions undeclared
            try {
                logFinished(finished);
            } catch (Exception logFailure) {
                e.addSuppressed(logFailure);
            }
            throw e;
        }
        logFinished(finished);
        return results;
    }

    private void logFinished(List<Entry> finished) {
        synchronized (finished) {
            ingestLog.upsert(List.copyOf(finished));
        }
        LOG.info("{} files logged INGESTED in {}", finished.size(), IngestLog.TABLE);
    }

    /**
     * Rebuilds silver, quarantine and the reference tables from all of bronze, as if every batch had arrived in
     * one: the same rules, today's reference data, the latest version of each key. Bronze and ops.ingest_log are
     * left as they are; run it after {@link #run}, so no batch is unfinished.
     */
    public List<DatasetResult> rebuild(List<DatasetSpec> datasets) {
        ensureTables(warehouse);
        List<DatasetResult> results = new ArrayList<>();
        for (DatasetSpec spec : datasets) {
            Dataset<Row> bronze = warehouse.read(Layer.BRONZE.table(spec.name()));
            if (spec.isReference()) {
                // A reference delivery is the complete table: only the latest batch counts.
                Row latest = bronze.agg(max(col(Lineage.INGEST_BATCH))).head();
                if (latest.isNullAt(0)) {
                    continue;
                }
                bronze = bronze.where(col(Lineage.INGEST_BATCH).equalTo(latest.getLong(0)));
            }
            Dataset<Row> validated = Validation.validate(spec, bronze, references)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            try {
                warehouse.replaceWhere(QuarantineSchema.table(spec), QuarantineSchema.rejectedRows(spec, validated),
                        "true");
                Dataset<Row> silverRows = SilverWriter.silverRows(spec, validated);
                if (spec.isReference()) {
                    silverWriter.replaceReference(spec, silverRows);
                    references.invalidate(spec);
                } else {
                    warehouse.replaceWhere(SilverSchema.table(spec), SilverWriter.latestPerKey(spec, silverRows),
                            "true");
                    warehouse.replaceWhere(SilverVersions.table(spec),
                            SilverVersions.withSuperseded(spec, SilverVersions.arriving(silverRows)), "true");
                }
                Row counts = validated.agg(count(lit(1)),
                        coalesce(sum(when(size(col(Validation.REASONS)).gt(0), 1).otherwise(0)), lit(0L))).head();
                DatasetResult result = new DatasetResult(spec.name(), 0, 0, 0, counts.getLong(0),
                        counts.getLong(0) - counts.getLong(1), counts.getLong(1), silverCount(spec),
                        versionsOf(writtenBy(spec)));
                LOG.info("{}: rebuilt from {} bronze rows: {} quarantined; {} holds {} rows", spec.name(),
                        result.rowsRead(), result.rowsQuarantined(), SilverSchema.table(spec), result.silverRows());
                results.add(result);
            } finally {
                validated.unpersist();
            }
        }
        return results;
    }

    /** One dataset's night: the batches to finish or start, and what to log before any of their rows is written. */
    private record Plan(DatasetSpec spec, List<Batch> batches, List<Entry> toLog, int candidates, int skipped) { }

    /** Files of one numbered batch with their log entries (REJECTED ones are already finished). */
    private record Batch(long number, List<FileInspection> files, List<Entry> entries) { }

    private Plan plan(DatasetSpec spec, LocalDate runDate, List<Entry> log) {
        long started = System.nanoTime();
        List<Batch> batches = new ArrayList<>();
        List<Entry> toLog = new ArrayList<>();

        // First finish any batch an earlier run started and did not complete, under its own number.
        Map<Long, List<Entry>> unfinished = log.stream().filter(e -> !e.finished())
                .collect(Collectors.groupingBy(Entry::batch, TreeMap::new, Collectors.toList()));
        for (Map.Entry<Long, List<Entry>> batch : unfinished.entrySet()) {
            LOG.warn("{}: finishing batch {} left unfinished by run {}", spec.name(), batch.getKey(),
                    batch.getValue().get(0).runId());
            batches.add(resume(spec, batch.getKey(), batch.getValue(), toLog));
        }

        // Every logged file counts as seen: the unfinished ones are resumed above, or rejected if they changed.
        Map<String, Entry> seen = new HashMap<>();
        for (Entry entry : log) {
            seen.merge(entry.filePath(), entry, (a, b) -> a.batch() >= b.batch() ? a : b);
        }
        List<LandingFile> candidates = candidates(spec, runDate);
        // A file unchanged since it was logged (same size and modification time) is not even read again.
        List<LandingFile> unseen = candidates.stream().filter(f -> !unchanged(f, seen.get(f.path()))).toList();
        List<FileInspection> inspected = bronzeReader.inspect(spec, unseen);
        List<FileInspection> fresh = inspected.stream()
                .filter(i -> seen.get(i.file().path()) == null
                        || !java.util.Objects.equals(i.sha256(), seen.get(i.file().path()).sha256()))
                .toList();
        int skipped = candidates.size() - fresh.size();
        if (spec.isReference() && !fresh.isEmpty() && fresh.size() < candidates.size()) {
            // A reference delivery is one complete table: a changed file means re-reading all of its files.
            fresh = bronzeReader.inspect(spec, candidates);
            skipped = 0;
        }
        if (!fresh.isEmpty()) {
            long number = log.stream().mapToLong(Entry::batch).max().orElse(0L) + 1;
            Instant now = Instant.now();
            List<Entry> entries = new ArrayList<>();
            for (FileInspection inspection : fresh) {
                Entry entry = entry(inspection, number, now);
                entries.add(inspection.readable() ? entry
                        : entry.finish(Status.REJECTED, 0L, 0L, 0L, inspection.note(), now));
                if (!inspection.readable()) {
                    LOG.warn("{}: rejected {}: {}", spec.name(), inspection.file().path(), inspection.note());
                }
            }
            toLog.addAll(entries);
            batches.add(new Batch(number, fresh, entries));
            LOG.info("{}: batch {}: {} new or changed files checked ({} s)", spec.name(), number, fresh.size(),
                    String.format("%.1f", (System.nanoTime() - started) / 1e9));
        }
        return new Plan(spec, batches, toLog, candidates.size(), skipped);
    }

    /**
     * Re-inspects the files of an unfinished batch; a file that changed or vanished since is rejected (its entry goes
     * to {@code toLog}), the others are the batch to finish.
     */
    private Batch resume(DatasetSpec spec, long batch, List<Entry> entries, List<Entry> toLog) {
        List<LandingFile> files = entries.stream().map(e -> new LandingFile(e.dataset(), e.deliveryDate(),
                e.filePath(), e.fileName(), e.sizeBytes(), e.modifiedAt() == null ? 0 : e.modifiedAt().toEpochMilli(),
                e.format() == null ? null : FileFormat.valueOf(e.format()))).toList();
        List<FileInspection> inspections = bronzeReader.inspect(spec, files);
        List<FileInspection> same = new ArrayList<>();
        List<Entry> updated = new ArrayList<>();
        Map<String, Entry> byPath = entries.stream().collect(Collectors.toMap(Entry::filePath, e -> e));
        for (FileInspection inspection : inspections) {
            Entry entry = byPath.get(inspection.file().path());
            if (inspection.readable() && java.util.Objects.equals(inspection.sha256(), entry.sha256())) {
                same.add(inspection);
                updated.add(entry);
            } else {
                toLog.add(entry.finish(Status.REJECTED, 0L, 0L, 0L,
                        "changed or unreadable since batch " + batch + " started: " + inspection.note(),
                        Instant.now()));
            }
        }
        return new Batch(batch, same, updated);
    }

    private DatasetResult ingest(Plan plan, Consumer<List<Entry>> finished) {
        DatasetSpec spec = plan.spec();
        DatasetResult result = new DatasetResult(spec.name(), 0, 0, plan.skipped(), 0, 0, 0, 0);
        for (Batch batch : plan.batches()) {
            result = result.plus(processBatch(spec, batch.number(), batch.files(), batch.entries(), finished));
        }
        return plan.batches().isEmpty()
                ? result.plus(new DatasetResult(spec.name(), 0, 0, 0, 0, 0, 0, silverCount(spec))) : result;
    }

    private DatasetResult processBatch(DatasetSpec spec, long batch, List<FileInspection> files,
                                       List<Entry> entries, Consumer<List<Entry>> logIngested) {
        List<FileInspection> readable = files.stream().filter(FileInspection::readable).toList();
        int rejected = files.size() - readable.size();
        if (readable.isEmpty()) {
            return new DatasetResult(spec.name(), 0, rejected, 0, 0, 0, 0, silverCount(spec));
        }
        String bronzeTable = Layer.BRONZE.table(spec.name());
        LOG.info("{}: batch {}: reading {} files ({} bytes)", spec.name(), batch, readable.size(),
                readable.stream().mapToLong(FileInspection::bytes).sum());
        long step = System.nanoTime();
        // Kept until the batch is validated: the append fills the cache, and validation reads the same rows from it.
        Dataset<Row> parsed = bronzeReader.read(spec, readable, batch, runId, Instant.now())
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> validated = null;
        try {
            boolean appended = warehouse.appendIdempotent(bronzeTable, parsed, "ingest " + bronzeTable, batch);
            Map<String, Long> versions = new TreeMap<>();
            versions.put(bronzeTable, warehouse.version(bronzeTable));
            step = logStep(spec, batch, appended ? "appended to " + bronzeTable
                    : "already in " + bronzeTable + ", appended by an earlier run", step);

            // Silver and quarantine are fed with what bronze holds for the batch: the rows just appended, or, when an
            // earlier run appended them and died before finishing the batch, bronze's own rows.
            Dataset<Row> batchRows = appended ? parsed
                    : warehouse.read(bronzeTable).where(col(Lineage.INGEST_BATCH).equalTo(batch));
            validated = Validation.validate(spec, batchRows, references).persist(StorageLevel.MEMORY_AND_DISK());
            // Counting first fills the cache, and tells whether there is anything to quarantine at all.
            Map<String, long[]> perFile = new HashMap<>();
            for (Row row : validated.groupBy(Lineage.SOURCE_FILE)
                    .agg(count(lit(1)), sum(when(size(col(Validation.REASONS)).gt(0), 1).otherwise(0)))
                    .collectAsList()) {
                perFile.put(row.getString(0), new long[] {row.getLong(1), row.getLong(2)});
            }
            parsed.unpersist();
            String quarantineTable = QuarantineSchema.table(spec);
            long rejectedRows = perFile.values().stream().mapToLong(counts -> counts[1]).sum();
            if (rejectedRows > 0) {
                warehouse.appendIdempotent(quarantineTable, QuarantineSchema.rejectedRows(spec, validated),
                        "ingest " + quarantineTable, batch);
            }
            versions.put(quarantineTable, warehouse.version(quarantineTable));
            step = logStep(spec, batch, "validated and counted per file; " + (rejectedRows > 0
                    ? rejectedRows + " rejected rows appended to " + quarantineTable : "no row rejected"), step);
            Dataset<Row> silverRows = SilverWriter.silverRows(spec, validated);
            if (spec.isReference()) {
                silverWriter.replaceReference(spec, silverRows);
                references.invalidate(spec);
            } else {
                silverWriter.merge(spec, silverRows, batch);
            }
            versions.put(SilverSchema.table(spec), warehouse.version(SilverSchema.table(spec)));
            step = logStep(spec, batch, "merged into " + SilverSchema.table(spec), step);
            if (!spec.isReference()) {
                silverWriter.mergeVersions(spec, silverRows, batch);
                versions.put(SilverVersions.table(spec), warehouse.version(SilverVersions.table(spec)));
                logStep(spec, batch, "merged into " + SilverVersions.table(spec), step);
            }

            Instant finished = Instant.now();
            List<Entry> done = new ArrayList<>();
            long read = 0;
            long quarantined = 0;
            for (Entry entry : entries) {
                if (entry.finished()) {
                    continue;
                }
                long[] counts = perFile.getOrDefault(entry.filePath(), new long[] {0, 0});
                read += counts[0];
                quarantined += counts[1];
                String note = readable.stream().filter(i -> i.file().path().equals(entry.filePath()))
                        .findFirst().map(FileInspection::note).orElse(null);
                done.add(entry.finish(Status.INGESTED, counts[0], counts[0] - counts[1], counts[1], note, finished));
            }
            logIngested.accept(done);
            return new DatasetResult(spec.name(), readable.size(), rejected, 0, read, read - quarantined,
                    quarantined, silverCount(spec), versions);
        } finally {
            parsed.unpersist();
            if (validated != null) {
                validated.unpersist();
            }
        }
    }

    /** The path (for {@link LandingZone#open}) of the reference table packaged in the jar. */
    public static String builtinReference(DatasetSpec spec) {
        return LandingZone.BUILTIN_PREFIX + BUILTIN_REFERENCE_FOLDER + spec.name() + ".csv";
    }

    /** Progress for whoever watches a long batch, and the figures to tune it by; returns the next step's start. */
    private static long logStep(DatasetSpec spec, long batch, String what, long startedNanos) {
        long now = System.nanoTime();
        LOG.info("{}: batch {}: {} ({} s)", spec.name(), batch, what, String.format("%.1f", (now - startedNanos) / 1e9));
        return now;
    }

    private List<LandingFile> candidates(DatasetSpec spec, LocalDate runDate) {
        List<LandingFile> files = landing.files(spec, runDate, spec.isReference());
        if (spec.isReference() && files.isEmpty()) {
            return List.of(new LandingFile(spec.name(), null, builtinReference(spec), spec.name() + ".csv", -1, 0,
                    FileFormat.CSV));
        }
        return files;
    }

    private static boolean unchanged(LandingFile file, Entry logged) {
        // Built-in resources have no size or time of their own: always compare by checksum.
        return logged != null && file.sizeBytes() >= 0 && logged.sizeBytes() == file.sizeBytes()
                && logged.modifiedAt() != null && logged.modifiedAt().toEpochMilli() == file.modifiedMillis();
    }

    private Entry entry(FileInspection inspection, long batch, Instant now) {
        LandingFile file = inspection.file();
        return new Entry(file.dataset(), file.deliveryDate(), file.path(), file.fileName(),
                file.format() == null ? null : file.format().name(), inspection.bytes(),
                file.modifiedMillis() > 0 ? Instant.ofEpochMilli(file.modifiedMillis()) : null, inspection.sha256(),
                batch, runId, Status.STARTED, null, null, null, null, now, null);
    }

    /** The tables a rebuild replaces: silver (or reference), quarantine and, for facts, the versions table. */
    private static List<String> writtenBy(DatasetSpec spec) {
        List<String> tables = new ArrayList<>(List.of(SilverSchema.table(spec), QuarantineSchema.table(spec)));
        if (!spec.isReference()) {
            tables.add(SilverVersions.table(spec));
        }
        return tables;
    }

    private Map<String, Long> versionsOf(List<String> tables) {
        Map<String, Long> versions = new TreeMap<>();
        tables.forEach(table -> versions.put(table, warehouse.version(table)));
        return versions;
    }

    private long silverCount(DatasetSpec spec) {
        return warehouse.rowCount(SilverSchema.table(spec));
    }
}
