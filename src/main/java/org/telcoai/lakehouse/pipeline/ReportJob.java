package org.telcoai.lakehouse.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.to_date;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telcoai.lakehouse.datasets.DatasetSpec;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.gold.GoldInputs;
import org.telcoai.lakehouse.gold.GoldReport;
import org.telcoai.lakehouse.gold.Granularity;
import org.telcoai.lakehouse.gold.Incremental;
import org.telcoai.lakehouse.gold.ReportSettings;
import org.telcoai.lakehouse.ops.GoldWatermarks;
import org.telcoai.lakehouse.ops.GoldWatermarks.Watermark;
import org.telcoai.lakehouse.silver.SilverSchema;
import org.telcoai.lakehouse.silver.SilverVersions;
import org.telcoai.lakehouse.warehouse.Layer;
import org.telcoai.lakehouse.warehouse.Warehouse;

/**
 * Computes gold reports from the warehouse and writes each to {@code gold.<name>}: all reads and writes here.
 *
 * <p>Incremental by default: a report whose sources are at the versions of its last computation
 * (ops.gold_watermarks) is left alone; when only its fact table changed, the change data feed since then says
 * which periods or entities changed, and {@link Incremental} says which gold rows those affect and which fact
 * rows recompute them; those rows are replaced with replaceWhere. Any other change, a first run or a full refresh
 * recomputes the whole report. Every input is read at the version recorded, so the watermark tells exactly what
 * the table was computed from.
 */
public final class ReportJob {

    private static final Logger LOG = LoggerFactory.getLogger(ReportJob.class);

    /** How a report was brought up to date; AS_OF: computed from the versions known on a past delivery date. */
    public enum Mode { FULL, INCREMENTAL, UNCHANGED, AS_OF }

    /**
     * Inputs up to this size (their files, as the checksum gives it) are cached once for all the reports that read
     * them; a larger table is read by each report, so that an incremental report still prunes its partitions.
     */
    static final long SHARED_INPUT_BYTES = 64L << 20;

    /** The column {@code gold_asof.<report>} adds: the delivery date the rows are as of. */
    public static final String AS_OF = "as_of";

    /** What one report did: rows written (0 when unchanged), the table's version after, and which rows. */
    public record ReportResult(String table, long rows, long version, Mode mode, String scope) { }

    /** The rows to recompute: a filter on the fact table's rows, one on the report's rows, and why. */
    private record Plan(Mode mode, Column factFilter, Column reportFilter, String reason) {

        static Plan full(String reason) {
            return new Plan(Mode.FULL, null, lit(true), reason);
        }

        static Plan unchanged(String reason) {
            return new Plan(Mode.UNCHANGED, null, null, reason);
        }
    }

    private final Warehouse warehouse;
    private final ReportSettings settings;
    private final GoldWatermarks watermarks;
    /**
     * A night's change feed of a fact table, read once for all the reports that need it (most read the same few
     * versions of the same table); uncached when the run ends.
     */
    private final Map<String, Dataset<Row>> changeFeeds = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * A small input that several of the run's reports read (silver GPU shipments feed five), cached at its version
     * once: each report would otherwise list the table's files again, twice for a table with deletion vectors.
     * Keyed by table and version; uncached when the run ends.
     */
    private final Map<String, Dataset<Row>> sharedInputs = new java.util.concurrent.ConcurrentHashMap<>();
    /** Tables read by more than one report of the current run. */
    private final Set<String> readBySeveral = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public ReportJob(Warehouse warehouse, ReportSettings settings) {
        this.warehouse = warehouse;
        this.settings = settings;
        this.watermarks = new GoldWatermarks(warehouse);
    }

    /**
     * Brings the reports up to date with their sources; {@code fullRefresh} recomputes every row. Reports are
     * computed side by side ({@link Warehouse#concurrentWrites()} at once), each after the reports it reads.
     */
    public List<ReportResult> run(List<GoldReport> reports, boolean fullRefresh, String runId) {
        IngestJob.ensureTables(warehouse);
        Map<String, Map<String, Long>> previous = watermarks.all();
        List<Watermark> computed = java.util.Collections.synchronizedList(new ArrayList<>());
        // Several reports read the same silver table: look its version up once; a gold table this run writes is
        // updated below, so a report reading it sees the new version.
        Map<String, Long> currentVersions = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, GoldReport> byTable = reports.stream()
                .collect(Collectors.toMap(r -> Layer.GOLD.table(r.name()), r -> r));
        reports.stream().flatMap(report -> report.sources().stream())
                .collect(Collectors.groupingBy(source -> source, Collectors.counting()))
                .forEach((source, readers) -> {
                    if (readers > 1 && !byTable.containsKey(source)) {
                        readBySeveral.add(source);
                    }
                });
        try {
            return DependentTasks.run(warehouse.spark(), "report", reports,
                    report -> report.sources().stream().map(byTable::get).filter(Objects::nonNull).toList(),
                    report -> {
                        long started = System.nanoTime();
                        Map<String, Long> versions = new LinkedHashMap<>();
                        for (String source : report.sources()) {
                            Long known = currentVersions.get(source);
                            versions.put(source, known != null ? known : warehouse.version(source));
                            currentVersions.putIfAbsent(source, versions.get(source));
                        }
                        String table = Layer.GOLD.table(report.name());
                        boolean exists = warehouse.exists(table);
                        Plan plan = fullRefresh ? Plan.full("full refresh")
                                : plan(report, table, exists, previous.get(report.name()), versions);
                        ReportResult result = plan.mode() == Mode.UNCHANGED
                                ? new ReportResult(table, 0, warehouse.version(table), Mode.UNCHANGED, plan.reason())
                                : write(report, table, exists, plan, versions);
                        if (plan.mode() != Mode.UNCHANGED || !versions.equals(previous.get(report.name()))) {
                            computed.add(new Watermark(report.name(), versions, result.mode().name(), runId,
                                    Instant.now()));
                        }
                        currentVersions.put(table, result.version());
                        LOG.info("{}: {} ({}): {} rows written, version {} ({} s)", table, result.mode(),
                                plan.reason(), result.rows(), result.version(),
                                String.format("%.1f", (System.nanoTime() - started) / 1e9));
                        return result;
                    }, warehouse.concurrentWrites(), result -> { });
        } finally {
            changeFeeds.values().forEach(Dataset::unpersist);
            changeFeeds.clear();
            sharedInputs.values().forEach(Dataset::unpersist);
            sharedInputs.clear();
            readBySeveral.clear();
            // Also after a failure: the reports already written need not be recomputed by the next run.
            synchronized (computed) {
                watermarks.save(List.copyOf(computed));
            }
        }
    }

    /**
     * Computes the reports as they were on {@code asOf}: the same definitions over the silver rows known on that
     * delivery date ({@link SilverVersions}), today's reference tables, and the as-of rows of the gold tables they
     * read. Each goes to {@code gold_asof.<report>} with an {@link #AS_OF} column, replacing that date's rows only.
     * Reports that are {@link GoldReport#historical()} are skipped: their rows with as_of up to the date are the answer.
     */
    public List<ReportResult> asOf(List<GoldReport> reports, LocalDate asOf) {
        IngestJob.ensureTables(warehouse);
        List<GoldReport> computed = reports.stream().filter(report -> !report.historical()).toList();
        Set<DatasetSpec> facts = new java.util.LinkedHashSet<>();
        computed.forEach(report -> report.sources().forEach(source -> factsOf(source).ifPresent(facts::add)));
        List<DatasetSpec> unknown = facts.stream().filter(spec -> !knownOn(spec, asOf)).toList();
        if (!facts.isEmpty() && unknown.size() == facts.size()) {
            throw new IllegalArgumentException("nothing was delivered on or before " + asOf + " (" + facts.stream()
                    .map(DatasetSpec::name).collect(Collectors.joining(", ")) + "): no report as of that date");
        }
        Column day = lit(java.sql.Date.valueOf(asOf));
        Map<String, GoldReport> byTable = computed.stream()
                .collect(Collectors.toMap(r -> Layer.GOLD.table(r.name()), r -> r));
        return DependentTasks.run(warehouse.spark(), "report as of " + asOf, computed,
                report -> report.sources().stream().map(byTable::get).filter(Objects::nonNull).toList(),
                report -> {
                    long started = System.nanoTime();
                    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
                    for (String source : report.sources()) {
                        tables.put(source, asOfInput(source, asOf, day));
                    }
                    Dataset<Row> rows = report.compute(new GoldInputs(tables, settings));
                    List<Column> dated = new ArrayList<>(List.of(day.as(AS_OF)));
                    Arrays.stream(rows.columns()).forEach(column -> dated.add(col(column)));
                    Dataset<Row> out = rows.select(dated.toArray(Column[]::new));
                    String table = Layer.GOLD_ASOF.table(report.name());
                    warehouse.ensureTable(table, out.schema(), List.of(AS_OF), Map.of());
                    warehouse.replaceWhere(table, out, col(AS_OF).equalTo(day));
                    Warehouse.Commit commit = warehouse.lastCommit(table);
                    LOG.info("{}: as of {}: {} rows written, version {} ({} s)", table, asOf,
                            commit.metricOrZero("numOutputRows"), commit.version(),
                            String.format("%.1f", (System.nanoTime() - started) / 1e9));
                    return new ReportResult(table, commit.metricOrZero("numOutputRows"), commit.version(),
                            Mode.AS_OF, "as of " + asOf);
                }, warehouse.concurrentWrites(), result -> { });
    }

    /** A report input as it was on {@code asOf}; reference tables are replaced whole and read as they are now. */
    private Dataset<Row> asOfInput(String source, LocalDate asOf, Column day) {
        Optional<DatasetSpec> facts = factsOf(source);
        if (facts.isPresent()) {
            return SilverVersions.silverAsOf(facts.get(), warehouse.read(SilverVersions.table(facts.get())), asOf);
        }
        String gold = Layer.GOLD.schema() + ".";
        if (source.startsWith(gold)) {
            return warehouse.read(Layer.GOLD_ASOF.table(source.substring(gold.length()))).where(col(AS_OF).equalTo(day))
                    .drop(AS_OF);
        }
        if (!source.startsWith(Layer.REFERENCE.schema() + ".")) {
            throw new IllegalArgumentException("no as-of view of " + source);
        }
        return warehouse.read(source);
    }

    private static Optional<DatasetSpec> factsOf(String source) {
        return Datasets.facts().stream().filter(spec -> SilverSchema.table(spec).equals(source)).findFirst();
    }

    /**
     * Whether any version of the dataset was known on {@code asOf}; logs when not (its reports as of then are empty).
     * Refuses a versions table left empty by a warehouse written before versions were kept.
     */
    private boolean knownOn(DatasetSpec spec, LocalDate asOf) {
        String versions = SilverVersions.table(spec);
        Row first = warehouse.read(versions).agg(functions.min(col(SilverVersions.ARRIVED_IN))).head();
        if (first.isNullAt(0) && warehouse.fileCount(SilverSchema.table(spec)) > 0) {
            throw new IllegalStateException(versions + " is empty but " + SilverSchema.table(spec) + " is not: the "
                    + "warehouse was written before versions were kept; run `nightly --full-refresh` once to fill it "
                    + "from bronze");
        }
        if (first.isNullAt(0) || asOf.isBefore(first.getDate(0).toLocalDate())) {
            LOG.warn("as of {}, nothing of {} was known: its first delivery is {}; reports over it are empty", asOf,
                    spec.name(), first.isNullAt(0) ? "still to come" : "dated " + first.getDate(0));
            return false;
        }
        return true;
    }

    private ReportResult write(GoldReport report, String table, boolean exists, Plan plan,
                               Map<String, Long> versions) {
        DatasetSpec facts = report.incremental().facts();
        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        for (Map.Entry<String, Long> source : versions.entrySet()) {
            Dataset<Row> rows = input(source.getKey(), source.getValue());
            boolean isFacts = facts != null && source.getKey().equals(SilverSchema.table(facts));
            tables.put(source.getKey(), isFacts && plan.factFilter() != null ? rows.where(plan.factFilter()) : rows);
        }
        Dataset<Row> rows = report.compute(new GoldInputs(tables, settings)).where(plan.reportFilter());
        if (!exists) {
            warehouse.ensureTable(table, rows.schema(), List.of(), Map.of());
        }
        long before = warehouse.version(table);
        warehouse.replaceWhere(table, rows, plan.reportFilter());
        // The commit's own figures (counting again would rerun the report): what it wrote, less the rows it copied
        // from files it rewrote because they also held rows outside the predicate. An overwrite that neither
        // writes nor removes a row commits nothing.
        Warehouse.Commit commit = warehouse.lastCommit(table);
        long written = commit.version() == before ? 0
                : commit.metric("numOutputRows") - commit.metricOrZero("numCopiedRows");
        return new ReportResult(table, written, commit.version(), plan.mode(), plan.reason());
    }

    /** A report's input at the version its watermark records: shared when several reports read a small table. */
    private Dataset<Row> input(String table, long version) {
        if (!readBySeveral.contains(table)
                || warehouse.sizeInBytes(table).orElse(Long.MAX_VALUE) > SHARED_INPUT_BYTES) {
            return warehouse.readAt(table, version);
        }
        return sharedInputs.computeIfAbsent(table + "@" + version,
                key -> warehouse.readAt(table, version).persist(StorageLevel.MEMORY_AND_DISK()));
    }

    private Plan plan(GoldReport report, String table, boolean exists, Map<String, Long> previous,
                      Map<String, Long> versions) {
        if (previous == null || !exists) {
            return Plan.full("first computation");
        }
        if (previous.equals(versions)) {
            return Plan.unchanged("sources unchanged");
        }
        List<String> changed = versions.keySet().stream()
                .filter(source -> !Objects.equals(previous.get(source), versions.get(source))).toList();
        DatasetSpec facts = report.incremental().facts();
        if (facts == null || !changed.equals(List.of(SilverSchema.table(facts)))) {
            return Plan.full("changed: " + String.join(", ", changed));
        }
        String factTable = changed.get(0);
        Long since = previous.get(factTable);
        Dataset<Row> changes = changeFeeds.computeIfAbsent(factTable + "@" + since + ".." + versions.get(factTable),
                key -> warehouse.changes(factTable, since, versions.get(factTable)).cache());
        try {
            Incremental incremental = report.incremental();
            if (incremental instanceof Incremental.ByPeriod p) {
                return byPeriod(p, changes);
            }
            if (incremental instanceof Incremental.Cumulative c) {
                return cumulative(c, changes, table);
            }
            return byEntity((Incremental.ByEntity) incremental, changes);
        } catch (Exception e) { // Spark and Delta throw checked exceptions undeclared
            // The feed after `since` may have been vacuumed: correctness first, then speed.
            LOG.warn("{}: change feed of {} after version {} unavailable ({}); recomputing in full", table,
                    factTable, since, e.getMessage() == null ? e.getClass().getSimpleName()
                            : e.getMessage().lines().findFirst().orElse(""));
            return Plan.full("change feed unavailable");
        }
    }

    private static Plan byPeriod(Incremental.ByPeriod p, Dataset<Row> changes) {
        TreeSet<Comparable<?>> changed = changedPeriods(p.facts(), p.granularity(), changes);
        if (changed.isEmpty()) {
            return Plan.unchanged("no row changed");
        }
        TreeSet<Comparable<?>> affected = shifted(p.granularity(), changed, p.reach());
        TreeSet<Comparable<?>> needed = shifted(p.granularity(), affected, p.lookback());
        Column reportFilter = col(p.column()).isin(literals(p.granularity(), affected));
        return new Plan(Mode.INCREMENTAL, factsIn(p.facts(), p.granularity(), needed), reportFilter,
                p.column() + " in " + describe(affected));
    }

    private Plan cumulative(Incremental.Cumulative c, Dataset<Row> changes, String table) {
        TreeSet<Comparable<?>> from = changedPeriods(c.facts(), c.granularity(), changes);
        if (from.isEmpty()) {
            return Plan.unchanged("no row changed");
        }
        // A new last period adds a row to every series, also to those without changes.
        Row last = warehouse.read(table).agg(max(col(c.column()))).head();
        if (!last.isNullAt(0)) {
            from.add(c.granularity().shift(c.granularity().read(last, 0), 1));
        }
        Comparable<?> first = from.first();
        return new Plan(Mode.INCREMENTAL, null, col(c.column()).geq(c.granularity().literal(first)),
                c.column() + " >= " + first);
    }

    private static Plan byEntity(Incremental.ByEntity e, Dataset<Row> changes) {
        List<String> entities = changes.select(e.column()).distinct().collectAsList().stream()
                .map(row -> row.getString(0)).sorted().toList();
        if (entities.isEmpty()) {
            return Plan.unchanged("no row changed");
        }
        Column filter = col(e.column()).isin(entities.toArray());
        return new Plan(Mode.INCREMENTAL, filter, filter, entities.size() + " " + e.column() + " values");
    }

    /** Periods of the changed rows, before and after each update: a restated date changes both. */
    private static TreeSet<Comparable<?>> changedPeriods(DatasetSpec facts, Granularity granularity,
                                                         Dataset<Row> changes) {
        TreeSet<Comparable<?>> periods = new TreeSet<>();
        for (Row row : changes.select(granularity.of(factDate(facts))).distinct().collectAsList()) {
            periods.add(granularity.read(row, 0));
        }
        return periods;
    }

    private static TreeSet<Comparable<?>> shifted(Granularity granularity, TreeSet<Comparable<?>> periods,
                                                  List<Integer> steps) {
        TreeSet<Comparable<?>> out = new TreeSet<>();
        for (Comparable<?> period : periods) {
            for (int step : steps) {
                out.add(granularity.shift(period, step));
            }
        }
        return out;
    }

    /**
     * Fact rows of the given periods. The year partition and the date range let Delta skip files before the
     * period test runs on the rows left.
     */
    private static Column factsIn(DatasetSpec facts, Granularity granularity, TreeSet<Comparable<?>> periods) {
        DatasetSpec.Partitioning partition = facts.partition().orElseThrow();
        Object[] years = periods.stream().map(granularity::year).distinct().toArray();
        LocalDate from = granularity.firstDay(periods.first());
        LocalDate until = granularity.firstDay(granularity.shift(periods.last(), 1));
        Column date = col(partition.sourceColumn());
        return col(partition.column()).isin(years)
                .and(date.geq(lit(java.sql.Date.valueOf(from)))).and(date.lt(lit(java.sql.Date.valueOf(until))))
                .and(granularity.of(factDate(facts)).isin(literals(granularity, periods)));
    }

    /** The date a fact row counts on: the UTC date of the column its silver table is partitioned by. */
    private static Column factDate(DatasetSpec facts) {
        return to_date(col(facts.partition().orElseThrow().sourceColumn()));
    }

    private static Object[] literals(Granularity granularity, TreeSet<Comparable<?>> periods) {
        return periods.stream().map(granularity::literal).toArray();
    }

    private static String describe(TreeSet<Comparable<?>> periods) {
        return periods.size() <= 6 ? periods.toString()
                : periods.size() + " periods " + periods.first() + ".." + periods.last();
    }
}
