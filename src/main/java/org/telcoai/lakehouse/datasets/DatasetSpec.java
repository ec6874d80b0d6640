package org.telcoai.lakehouse.datasets;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one declaration of a dataset that every stage reads: landing columns, key, how versions of a key
 * are ordered, validation rules, USD conversions and how silver is partitioned.
 *
 * @param versionColumns typed columns that order versions of a key before delivery order (latest wins)
 * @param currencyColumn column holding the ISO currency of the amounts, or null if nothing converts
 * @param fxDateColumn   typed DATE or TIMESTAMP column whose UTC date picks the FX rate
 * @param zOrderColumns  declared columns reports and analysts filter silver by, clustered on by {@code maintain}
 *                       (OPTIMIZE ZORDER BY) within each partition; never the partition column
 */
public record DatasetSpec(String name, Kind kind, List<ColumnSpec> columns, List<String> keyColumns,
                          List<String> versionColumns, Partitioning partitioning, List<Rule> rules,
                          String currencyColumn, String fxDateColumn, List<UsdConversion> usdConversions,
                          List<String> zOrderColumns)
        implements java.io.Serializable {

    /** FACT datasets are merged by key; a REFERENCE delivery replaces the whole table. */
    public enum Kind { FACT, REFERENCE }

    /**
     * Silver is partitioned by the UTC year of {@code sourceColumn}. {@code keyDerived} says the source column
     * is part of the key, so a key can never move between partitions and MERGE may prune on the source's years.
     */
    public record Partitioning(String column, String sourceColumn, boolean keyDerived)
            implements java.io.Serializable { }

    /** {@code target = round(source * usd_per_unit, scale)} as DECIMAL(precision, scale). */
    public record UsdConversion(String sourceColumn, String targetColumn, int precision, int scale)
            implements java.io.Serializable { }

    public DatasetSpec {
        Objects.requireNonNull(name);
        columns = List.copyOf(columns);
        keyColumns = List.copyOf(keyColumns);
        versionColumns = List.copyOf(versionColumns);
        rules = List.copyOf(rules);
        usdConversions = List.copyOf(usdConversions);
        zOrderColumns = List.copyOf(zOrderColumns);
        List<String> names = columns.stream().map(ColumnSpec::name).toList();
        for (String key : keyColumns) {
            if (!names.contains(key)) {
                throw new IllegalArgumentException(name + ": key column " + key + " is not declared");
            }
        }
        for (String column : zOrderColumns) {
            // Delta refuses to Z-order on a partition column: each partition is clustered on its own.
            if (partitioning != null && column.equals(partitioning.column())) {
                throw new IllegalArgumentException(name + ": Z-order column " + column + " is the partition column");
            }
            if (!names.contains(column)) {
                throw new IllegalArgumentException(name + ": Z-order column " + column + " is not declared");
            }
        }
    }

    /** A dataset without Z-order columns. */
    public DatasetSpec(String name, Kind kind, List<ColumnSpec> columns, List<String> keyColumns,
                       List<String> versionColumns, Partitioning partitioning, List<Rule> rules,
                       String currencyColumn, String fxDateColumn, List<UsdConversion> usdConversions) {
        this(name, kind, columns, keyColumns, versionColumns, partitioning, rules, currencyColumn, fxDateColumn,
                usdConversions, List.of());
    }

    /** The same dataset, its silver table Z-ordered on {@code columns} by maintenance. */
    public DatasetSpec zOrderBy(String... columns) {
        return new DatasetSpec(name, kind, this.columns, keyColumns, versionColumns, partitioning, rules,
                currencyColumn, fxDateColumn, usdConversions, List.of(columns));
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnSpec::name).toList();
    }

    public ColumnSpec column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no column " + columnName));
    }

    public List<String> requiredColumnNames() {
        return columns.stream().filter(ColumnSpec::required).map(ColumnSpec::name).toList();
    }

    public Optional<Partitioning> partition() {
        return Optional.ofNullable(partitioning);
    }

    public boolean isReference() {
        return kind == Kind.REFERENCE;
    }
}
