package org.telcoai.lakehouse.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The table comparison the pipeline tests rely on: it must tell tables apart, and only when they differ. */
class DataFrameAssertionsTest {

    private static final StructType SCHEMA = new StructType()
            .add("key", DataTypes.StringType, false)
            .add("share", DataTypes.DoubleType, true)
            .add("amount", DataTypes.createDecimalType(10, 2), true);

    private static Dataset<Row> table(Row... rows) {
        return SharedSpark.spark().createDataFrame(List.of(rows), SCHEMA);
    }

    @Test
    void rowsInAnotherOrderAndSumsWithinRoundingAreTheSameTable() {
        DataFrameAssertions.assertSameTable("same", table(
                        RowFactory.create("a", 0.3, new BigDecimal("1.00")), RowFactory.create("b", null, null)),
                table(RowFactory.create("b", null, null),
                        RowFactory.create("a", 0.1 + 0.2, new BigDecimal("1.00"))), List.of("key"));
    }

    @Test
    void aChangedValueAMissingRowOrAnotherColumnTypeFails() {
        Dataset<Row> expected = table(RowFactory.create("a", 0.3, new BigDecimal("1.00")),
                RowFactory.create("b", 0.7, new BigDecimal("2.00")));
        AssertionError changed = assertThrows(AssertionError.class, () -> DataFrameAssertions.assertSameTable(
                "changed", expected, table(RowFactory.create("a", 0.3, new BigDecimal("1.00")),
                        RowFactory.create("b", 0.7001, new BigDecimal("2.00"))), List.of("key")));
        assertTrue(changed.getMessage().contains("changed: rows differ"), changed.getMessage());
        assertThrows(AssertionError.class, () -> DataFrameAssertions.assertSameTable("missing", expected,
                table(RowFactory.create("a", 0.3, new BigDecimal("1.00"))), List.of("key")));
        assertThrows(AssertionError.class, () -> DataFrameAssertions.assertSameTable("decimal", expected,
                table(RowFactory.create("a", 0.3, new BigDecimal("1.00")),
                        RowFactory.create("b", 0.7, new BigDecimal("2.01"))), List.of("key")));
        assertThrows(AssertionError.class, () -> DataFrameAssertions.assertSameTable("types", expected,
                expected.selectExpr("key", "share", "CAST(amount AS DOUBLE) AS amount"), List.of("key")));
    }
}
