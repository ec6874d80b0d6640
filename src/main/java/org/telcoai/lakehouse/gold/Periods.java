package org.telcoai.lakehouse.gold;

import static org.apache.spark.sql.functions.trunc;

import org.apache.spark.sql.Column;

/** Calendar periods of a date, in UTC (the session time zone), stored as the DATE of their first day. */
public final class Periods {

    /** Region value of rows that aggregate all countries. */
    public static final String WORLD = "WORLD";

    private Periods() { }

    public static Column quarter(Column date) {
        return trunc(date, "quarter");
    }

    public static Column month(Column date) {
        return trunc(date, "month");
    }

    public static Column year(Column date) {
        return org.apache.spark.sql.functions.year(date);
    }
}
