package org.telcoai.lakehouse.export;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * A small table held on the driver as plain Java values: what the exporter writes to CSV and draws charts from.
 * Values are normalised on the way in: dates become {@link LocalDate}, timestamps {@link Instant} or
 * {@link LocalDateTime}, decimals stay {@link BigDecimal}, other numbers stay boxed Java numbers.
 *
 * @param name    table name without schema, e.g. {@code gpu_vendor_share}
 * @param columns column names and kinds, in order
 * @param rows    rows, each a list with one value per column ({@code null} allowed)
 */
public record ExportTable(String name, List<Column> columns, List<List<Object>> rows) {

    /** How a column's values are written: only {@link Kind#TEXT} cells are neutralised against formulas. */
    public enum Kind { TEXT, NUMBER, DATE, TIMESTAMP, BOOLEAN }

    public record Column(String name, Kind kind) {
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
        }
    }

    public ExportTable {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(name + ": row has " + row.size() + " values, expected "
                        + columns.size());
            }
            List<Object> normalised = new ArrayList<>(row.size());
            for (Object value : row) {
                normalised.add(normalise(value));
            }
            copy.add(Collections.unmodifiableList(normalised));
        }
        rows = Collections.unmodifiableList(copy);
    }

    /**
     * Collects a (small) Dataset on the driver. Gold tables are aggregates of at most a few thousand rows; do not
     * pass large tables here.
     */
    public static ExportTable fromDataset(String name, Dataset<Row> dataset) {
        List<Column> columns = new ArrayList<>();
        for (StructField field : dataset.schema().fields()) {
            columns.add(new Column(field.name(), kindOf(field.dataType())));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : dataset.collectAsList()) {
            List<Object> values = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                values.add(row.get(i));
            }
            rows.add(values);
        }
        return new ExportTable(name, columns, rows);
    }

    static Kind kindOf(DataType type) {
        if (type instanceof NumericType) {
            return Kind.NUMBER;
        }
        if (type instanceof DateType) {
            return Kind.DATE;
        }
        if (type instanceof TimestampType || type instanceof TimestampNTZType) {
            return Kind.TIMESTAMP;
        }
        if (type instanceof BooleanType) {
            return Kind.BOOLEAN;
        }
        // StringType and anything else (arrays, maps, binary) is written as text, and so neutralised.
        return Kind.TEXT;
    }

    private static Object normalise(Object value) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return value;
    }

    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }

    public boolean has(String... names) {
        for (String n : names) {
            if (indexOf(n) < 0) {
                return false;
            }
        }
        return true;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * A copy with rows sorted by the given key columns (those the table has), ascending with nulls first, then by
     * every column as a tie-break so the order never depends on how Spark partitioned the data.
     */
    public ExportTable sortedBy(List<String> keyColumns) {
        List<Integer> order = new ArrayList<>();
        for (String key : keyColumns) {
            int i = indexOf(key);
            if (i >= 0 && !order.contains(i)) {
                order.add(i);
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            if (!order.contains(i)) {
                order.add(i);
            }
        }
        Comparator<List<Object>> comparator = (a, b) -> 0;
        for (int i : order) {
            comparator = comparator.thenComparing(row -> row.get(i), ExportTable::compareValues);
        }
        List<List<Object>> sorted = new ArrayList<>(rows);
        sorted.sort(comparator);
        return new ExportTable(name, columns, sorted);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null) {
            return -1;
        }
        if (b == null) {
            return 1;
        }
        if (a instanceof Number x && b instanceof Number y && !(a.getClass().equals(b.getClass()))) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
        }
        if (a instanceof Comparable ca && a.getClass().equals(b.getClass())) {
            return ca.compareTo(b);
        }
        return a.toString().compareTo(b.toString());
    }
}
