package org.telcoai.lakehouse.datasets;

/** How a raw string column is typed and validated on its way to silver. */
public enum ColumnType {
    /** Free text (trimmed). */
    STRING,
    /** One of a closed list of codes (case-sensitive). */
    CODE,
    /** ISO 3166-1 alpha-2 country code. */
    COUNTRY,
    /** ISO 4217 currency code. */
    CURRENCY,
    /** Strict YYYY-MM-DD calendar date. */
    DATE,
    /** ISO-8601 timestamp that carries Z or an offset; stored as an instant. */
    TIMESTAMP,
    /** Decimal of the column's declared precision and scale. */
    DECIMAL,
    /** 32-bit integer. */
    INTEGER
}
