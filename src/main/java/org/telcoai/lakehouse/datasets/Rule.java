package org.telcoai.lakehouse.datasets;

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

    /** An integer that must be one of a fixed set. */
    record IntegerIn(String column, List<Integer> allowed, ReasonCode reason) implements Rule {
        public IntegerIn { allowed = List.copyOf(allowed); }
    }

    /** The value must exist as the key of a reference dataset (checked only when present). */
    record References(String column, String referenceDataset, ReasonCode reason) implements Rule { }
}
