package org.telcoai.lakehouse.datasets;

/** Machine-readable reasons a row is quarantined. Stored by name in quarantine tables: never rename. */
public enum ReasonCode {
    /** The record does not have the file's column count (truncated line, stray delimiter, broken JSON). */
    MALFORMED_ROW,
    MISSING_REQUIRED,
    BAD_DATE,
    BAD_TIMESTAMP,
    BAD_NUMBER,
    UNKNOWN_ENUM,
    BAD_COUNTRY,
    BAD_CURRENCY,
    /** interval_minutes outside the allowed set. */
    BAD_INTERVAL,
    /** capex period_date not on the first day of a month. */
    NOT_MONTH_START,
    NON_POSITIVE_UNITS,
    UNKNOWN_OPERATOR,
    UNKNOWN_SITE,
    /** No rate for the currency on or before the row's date. */
    NO_FX_RATE,
    /** A date before the data's era or after its file was delivered (see Rule.DateWithin). */
    DATE_OUT_OF_RANGE,
    /** Free text that was not valid UTF-8: the reader put U+FFFD where the bytes were. */
    BAD_ENCODING
}
