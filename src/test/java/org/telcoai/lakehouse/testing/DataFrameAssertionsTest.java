package org.telcoai.lakehouse.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The comparison helpers must pass on equal frames and fail with an assertion error, not a crash, otherwise. */
class DataFrameAssertionsTest {

    private static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("k", DataTypes.StringType, false),
            DataTypes.createStructField("v", DataTypes.DoubleType, false)));

    private static Dataset<Row> frame(Object... kv) {
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            rows.add(RowFactory.create(kv[i], kv[i + 1]));
        }
        return SharedSpark.spark().createDataFrame(rows, SCHEMA);
    }

    @Test
    void equalFramesPassInAnyOrder() {
        DataFrameAssertions.assertNoOrderEquals(frame("a", 1.0, "b", 2.0), frame("b", 2.0, "a", 1.0));
        DataFrameAssertions.assertApproximateEquals(frame("a", 1.0), frame("a", 1.0 + 1e-9), 1e-6);
    }

    @Test
    void differentFramesFailWithAnAssertionError() {
        assertThrows(AssertionError.class,
                () -> DataFrameAssertions.assertNoOrderEquals(frame("a", 1.0), frame("a", 2.0)));
        assertThrows(AssertionError.class,
                () -> DataFrameAssertions.assertApproximateEquals(frame("a", 1.0), frame("a", 1.1), 1e-6));
    }
}
