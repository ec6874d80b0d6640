package org.telcoai.lakehouse.testing;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

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

    /** Same schema and rows in the same order, numbers within {@code tolerance}. */
    public static void assertApproximateEquals(Dataset<Row> expected, Dataset<Row> actual, double tolerance) {
        BASE.assertDataFrameApproximateEquals(expected, actual, tolerance);
    }
}
