package org.telcoai.lakehouse.gold;

import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * The calendar period a gold table is keyed by, as the reports store it: month and quarter as the DATE of their
 * first day, year as an INT. Incremental runs shift and compare periods on the driver with the same rules.
 */
public enum Granularity {
    MONTH(1), QUARTER(3), YEAR(12);

    private final int months;

    Granularity(int months) {
        this.months = months;
    }

    /** The period a date falls in, as the reports compute it. */
    public Column of(Column date) {
        return switch (this) {
            case MONTH -> Periods.month(date);
            case QUARTER -> Periods.quarter(date);
            case YEAR -> Periods.year(date);
        };
    }

    /** A period value read from a row of {@link #of}: LocalDate for month and quarter, Integer for year. */
    public Comparable<?> read(Row row, int index) {
        return this == YEAR ? (Comparable<?>) row.getInt(index) : row.getDate(index).toLocalDate();
    }

    /** The period {@code steps} periods later (earlier when negative). */
    public Comparable<?> shift(Comparable<?> period, int steps) {
        return this == YEAR ? (Comparable<?>) ((Integer) period + steps)
                : ((LocalDate) period).plusMonths((long) steps * months);
    }

    /** The calendar year of a period, for pruning silver's year partitions. */
    public int year(Comparable<?> period) {
        return this == YEAR ? (Integer) period : ((LocalDate) period).getYear();
    }

    public LocalDate firstDay(Comparable<?> period) {
        return this == YEAR ? LocalDate.of((Integer) period, 1, 1) : (LocalDate) period;
    }

    public Column literal(Comparable<?> period) {
        return this == YEAR ? lit(period) : lit(java.sql.Date.valueOf((LocalDate) period));
    }
}
