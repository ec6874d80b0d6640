package org.telcoai.lakehouse.pipeline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.telcoai.lakehouse.datasets.DatasetSpec;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.ops.IngestLog;
import org.telcoai.lakehouse.ops.JobRuns;
import org.telcoai.lakehouse.ops.RunAudit;
import org.telcoai.lakehouse.warehouse.Warehouse;

/**
 * Checks after ingest that stop a night before its reports (lakehouse.quality-gates in the configuration):
 * <ul>
 *   <li>quarantine rate: rows quarantined / rows read in this run, per dataset, must not exceed
 *       max-quarantine-rate; a dataset of which the run read no row passes (there is nothing to judge);</li>
 *   <li>freshness: the dataset's newest ingested delivery (ops.ingest_log, delivery dates up to the run date)
 *       must be at most max-delivery-age-days before the run date; a dataset with none fails, except a reference
 *       dataset that was never delivered: it runs on the table built into the jar, which has no delivery date.</li>
 * </ul>
 * A failed gate fails the run after its audit rows are written; the data already ingested stays (every table is
 * whole), and the gold reports keep the previous night's content until a night passes.
 */
public final class QualityGates {

    /** One dataset's limits; null turns that gate off. */
    public record Limits(Double maxQuarantineRate, Integer maxDeliveryAgeDays) {
        public static final Limits OFF = new Limits(null, null);
    }

    /** A failing dataset and the one-line reason, naming it. */
    public record Failure(String dataset, String reason) { }

    private final Map<String, Limits> limits;

    public QualityGates(Map<String, Limits> limits) {
        this.limits = Map.copyOf(limits);
    }

    public Limits limits(String dataset) {
        return limits.getOrDefault(dataset, Limits.OFF);
    }

    /** Failures in the order of {@code results}, one per dataset (its reasons joined). */
    public List<Failure> evaluate(LocalDate runDate, List<DatasetResult> results,
                                  Map<String, LocalDate> newestDeliveries) {
        List<Failure> failures = new ArrayList<>();
        for (DatasetResult result : results) {
            List<String> reasons = new ArrayList<>();
            Limits limit = limits(result.dataset());
            if (limit.maxQuarantineRate() != null && result.rowsRead() > 0) {
                double rate = (double) result.rowsQuarantined() / result.rowsRead();
                if (rate > limit.maxQuarantineRate()) {
                    int decimals = 1;
                    // "10.0% (limit 10.0%)" would not say why it failed: show as many decimals as tell them apart.
                    while (decimals < 4 && percent(rate, decimals).equals(percent(limit.maxQuarantineRate(),
                            decimals))) {
                        decimals++;
                    }
                    reasons.add(String.format(Locale.ROOT, "%s quarantined %s of %d rows read (limit %s)",
                            result.dataset(), percent(rate, decimals), result.rowsRead(),
                            percent(limit.maxQuarantineRate(), decimals)));
                }
            }
            if (limit.maxDeliveryAgeDays() != null) {
                LocalDate newest = newestDeliveries.get(result.dataset());
                boolean builtIn = Datasets.byName(result.dataset()).map(DatasetSpec::isReference).orElse(false);
                if (newest == null && !builtIn) {
                    reasons.add(String.format(Locale.ROOT, "%s has no delivery up to %s (limit %d days)",
                            result.dataset(), runDate, limit.maxDeliveryAgeDays()));
                } else if (newest != null && ChronoUnit.DAYS.between(newest, runDate) > limit.maxDeliveryAgeDays()) {
                    reasons.add(String.format(Locale.ROOT, "%s newest delivery %s is %d days before %s (limit %d days)",
                            result.dataset(), newest, ChronoUnit.DAYS.between(newest, runDate), runDate,
                            limit.maxDeliveryAgeDays()));
                }
            }
            if (!reasons.isEmpty()) {
                failures.add(new Failure(result.dataset(), String.join("; ", reasons)));
            }
        }
        return failures;
    }

    /**
     * Runs the gates as the audit's "gates" stage: each failing dataset gets a FAILED row with its reason, and
     * the stage fails with a {@link QualityGateException} naming them all. Reads the ingest log only when a
     * freshness limit applies, so a night with the defaults costs nothing here.
     */
    public void enforce(RunAudit audit, Warehouse warehouse, List<DatasetResult> results) {
        audit.stage(JobRuns.GATES, stage -> {
            boolean freshness = results.stream().anyMatch(r -> limits(r.dataset()).maxDeliveryAgeDays() != null);
            Map<String, LocalDate> newest = freshness
                    ? new IngestLog(warehouse).newestDeliveries(audit.runDate()) : Map.of();
            List<Failure> failures = evaluate(audit.runDate(), results, newest);
            for (Failure failure : failures) {
                stage.failed(failure.dataset(), failure.reason());
            }
            if (!failures.isEmpty()) {
                throw new QualityGateException(failures);
            }
            return null;
        });
    }

    private static String percent(double fraction, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f%%", fraction * 100);
    }
}
