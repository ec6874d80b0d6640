package org.telcoai.lakehouse.datasets;

import java.time.LocalDate;
import java.util.List;

/** A row-level rule beyond a column's own type, checked on the typed value. */
public sealed interface Rule extends java.io.Serializable {

    String column();

    ReasonCode reason();

    /** The value must be greater than zero. */
    record Positive(String column) implements Rule {
        public ReasonCode reason() { return ReasonCode.NON_POSITIVE_UNITS; }
    }

    /** A date that must fall on the first day of its month. */
    record MonthStart(String column) implements Rule {
        public ReasonCode reason() { return ReasonCode.NOT_MONTH_START; }
    }

    /**
     * A date, or the UTC day of a timestamp, no earlier than {@code earliest} and at most {@code daysAfterDelivery}
     * days after the delivery date of its file: a record cannot describe a day after it was sent, except day-ahead
     * prices, sold the day before they apply. A file outside a dated delivery folder is checked for the first bound.
     */
    record DateWithin(String column, LocalDate earliest, int daysAfterDelivery) implements Rule {
        public ReasonCode reason() { return ReasonCode.DATE_OUT_OF_RANGE; }
    }

    /** An integer that must be one of a fixed set. */
    record IntegerIn(String column, List<Integer> allowed, ReasonCode reason) implements Rule {
        public IntegerIn { allowed = List.copyOf(allowed); }
    }

    /** The value must exist as the key of a reference dataset (checked only when present). */
    record References(String column, String referenceDataset, ReasonCode reason) implements Rule { }
}
