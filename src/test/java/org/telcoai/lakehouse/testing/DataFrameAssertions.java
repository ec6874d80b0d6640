package org.telcoai.lakehouse.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * spark-testing-base's DataFrame comparisons on the shared Delta-enabled session. The suite base is used as a
 * plain object: its conf() and sc() answer with the shared session, so it never builds a context of its own.
 */
public final class DataFrameAssertions {

    private static final JavaDataFrameSuiteBase BASE = new JavaDataFrameSuiteBase() {
        @Override
        public SparkConf conf() {
            return SharedSpark.conf();
        }

        @Override
        public SparkContext sc() {
            return SharedSpark.spark().sparkContext();
        }

        // Its mismatch report builds DataFrames through these; unset, a failed comparison became an NPE.
        @Override
        public org.apache.spark.sql.SparkSession spark() {
            return SharedSpark.spark();
        }

        @Override
        public org.apache.spark.sql.SQLContext sqlContext() {
            return SharedSpark.spark().sqlContext();
        }
    };

    private DataFrameAssertions() { }

    /** Same schema and same rows, in any order (duplicates counted). */
    public static void assertNoOrderEquals(Dataset<Row> expected, Dataset<Row> actual) {
        BASE.assertDataFrameNoOrderEquals(expected, actual);
    }

    /**
     * Same column names and types (nullability aside) and the same rows, compared in key order with doubles
     * within 1e-9 (sums of doubles may add up in another order); a mismatch shows both sides. Each side is collected
     * once and compared here: one Spark job per side, none for rows already in memory.
     */
    public static void assertSameTable(String what, Dataset<Row> expected, Dataset<Row> actual,
                                       List<String> keys) {
        assertEquals(relaxed(expected.schema()).simpleString(), relaxed(actual.schema()).simpleString(),
                what + ": columns and types");
        int[] keyIndexes = keys.stream().mapToInt(expected.schema()::fieldIndex).toArray();
        List<Row> l = sortedByKeys(expected.collectAsList(), keyIndexes);
        List<Row> r = sortedByKeys(actual.collectAsList(), keyIndexes);
        boolean same = l.size() == r.size();
        for (int i = 0; same && i < l.size(); i++) {
            same = approximatelyEqual(l.get(i), r.get(i), 1e-9);
        }
        if (!same) {
            throw new AssertionError(what + ": rows differ (" + l.size() + " expected, " + r.size() + " actual)\n"
                    + "expected:\n" + lines(l) + "actual:\n" + lines(r));
        }
    }

    private static StructType relaxed(StructType schema) {
        List<StructField> fields = new ArrayList<>();
        for (StructField f : schema.fields()) {
            fields.add(DataTypes.createStructField(f.name(), f.dataType(), true));
        }
        return DataTypes.createStructType(fields);
    }

    /** Rows in key order, then in the order of their text, so that rows with equal keys still line up. */
    private static List<Row> sortedByKeys(List<Row> rows, int[] keyIndexes) {
        Comparator<Row> byKeys = (a, b) -> {
            for (int i : keyIndexes) {
                int c = compareValues(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(byKeys.thenComparing(Row::toString));
        return sorted;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Comparable && a.getClass().equals(b.getClass())) {
            return ((Comparable) a).compareTo(b);
        }
        return a.toString().compareTo(b.toString());
    }

    /** As spark-testing-base compares rows: doubles, floats and decimals within {@code tolerance}, the rest equal. */
    private static boolean approximatelyEqual(Object a, Object b, double tolerance) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Row x && b instanceof Row y) {
            if (x.length() != y.length()) {
                return false;
            }
            for (int i = 0; i < x.length(); i++) {
                if (!approximatelyEqual(x.get(i), y.get(i), tolerance)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.equals(y) || Math.abs(x - y) <= tolerance;
        }
        if (a instanceof Float x && b instanceof Float y) {
            return x.equals(y) || Math.abs(x - y) <= tolerance;
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.subtract(y).abs().doubleValue() <= tolerance;
        }
        return a.equals(b);
    }

    private static String lines(List<Row> rows) {
        StringBuilder text = new StringBuilder();
        rows.forEach(row -> text.append("  ").append(row).append('\n'));
        return text.toString();
    }

    /** Same schema and rows in the same order, numbers within {@code tolerance}. */
    public static void assertApproximateEquals(Dataset<Row> expected, Dataset<Row> actual, double tolerance) {
        BASE.assertDataFrameApproximateEquals(expected, actual, tolerance);
    }
}
