package org.telcoai.lakehouse.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

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
     * within 1e-9 (sums of doubles may add up in another order); a mismatch shows both sides.
     */
    public static void assertSameTable(String what, Dataset<Row> expected, Dataset<Row> actual,
                                       List<String> keys) {
        Dataset<Row> left = relaxed(expected);
        Dataset<Row> right = relaxed(actual);
        assertEquals(left.schema().simpleString(), right.schema().simpleString(),
                what + ": columns and types");
        Column[] order = keys.stream().map(functions::col)
                .toArray(Column[]::new);
        List<Row> l = left.orderBy(order).collectAsList();
        List<Row> r = right.orderBy(order).collectAsList();
        try {
            assertEquals(l.size(), r.size(), "row count");
            assertApproximateEquals(left.orderBy(order), right.orderBy(order), 1e-9);
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(what + ": rows differ\nexpected:\n" + lines(l) + "actual:\n" + lines(r), e);
        }
    }

    private static Dataset<Row> relaxed(Dataset<Row> rows) {
        List<StructField> fields = new ArrayList<>();
        for (StructField f : rows.schema().fields()) {
            fields.add(DataTypes.createStructField(f.name(), f.dataType(), true));
        }
        return SharedSpark.spark().createDataFrame(rows.collectAsList(),
                DataTypes.createStructType(fields));
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
