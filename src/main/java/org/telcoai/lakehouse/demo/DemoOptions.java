package org.telcoai.lakehouse.demo;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Options of the demo landing-zone generator.
 *
 * @param landingDir      root of the landing zone; files go to {@code <landingDir>/<dataset>/<delivery-date>/}
 * @param scale           1.0 is of the order of 10 million rows with 4 years of history; rows scale linearly
 * @param historyYears    years of history that end at the history delivery date (endDate - dailyDeliveries days)
 * @param seed            same options and seed give byte-identical files
 * @param badRowFraction  fraction of rows replaced by realistic defects (0 disables)
 * @param endDate         date of the last daily delivery
 * @param dailyDeliveries number of daily delivery folders after the history delivery
 */
public record DemoOptions(Path landingDir, double scale, int historyYears, long seed,
                          double badRowFraction, LocalDate endDate, int dailyDeliveries) {

    public DemoOptions {
        Objects.requireNonNull(landingDir, "landingDir");
        Objects.requireNonNull(endDate, "endDate");
        if (!(scale > 0) || scale > 100) {
            throw new IllegalArgumentException("scale must be in (0, 100], was " + scale);
        }
        if (historyYears < 1 || historyYears > 12) {
            // FX reference data starts in 2014; more than 12 years would leave rows without rates.
            throw new IllegalArgumentException("historyYears must be in [1, 12], was " + historyYears);
        }
        if (!(badRowFraction >= 0) || badRowFraction > 0.2) {
            throw new IllegalArgumentException("badRowFraction must be in [0, 0.2], was " + badRowFraction);
        }
        if (dailyDeliveries < 0 || dailyDeliveries > 366) {
            throw new IllegalArgumentException("dailyDeliveries must be in [0, 366], was " + dailyDeliveries);
        }
        LocalDate start = endDate.minusDays(dailyDeliveries).minusYears(historyYears);
        if (start.isBefore(LocalDate.of(2014, 1, 1)) || endDate.isAfter(LocalDate.of(2026, 12, 31))) {
            throw new IllegalArgumentException("data must lie within 2014-01-01..2026-12-31 (the FX reference range), was "
                    + start + ".." + endDate);
        }
    }

    public static DemoOptions defaults(Path landingDir) {
        return new DemoOptions(landingDir, 0.02, 4, 42L, 0.002, LocalDate.of(2026, 6, 30), 5);
    }

    /** Date of the single history delivery. */
    public LocalDate historyDeliveryDate() {
        return endDate.minusDays(dailyDeliveries);
    }

    /** First day with data (inclusive). */
    public LocalDate historyStart() {
        return historyDeliveryDate().minusYears(historyYears).plusDays(1);
    }
}
