package org.telcoai.lakehouse.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;
import static org.telcoai.lakehouse.gold.GpuFixtures.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class AcceleratorCapacityTest {

    static final DataType H100 = DataTypes.createDecimalType(38, 6);
    static final StructType SCHEMA = schema("year", DataTypes.IntegerType, "region", DataTypes.StringType,
            "buyer_type", DataTypes.StringType, "vendor", DataTypes.StringType, "units", DataTypes.LongType,
            "rated_units", DataTypes.LongType, "h100_equivalents", H100);

    /** H100X rates 989.4 TFLOP/s (1 H100-equivalent), A100X 312, NOFIGURE is listed without a figure. */
    static final String[][] ACCELERATORS = {
        {"H100X", "NVIDIA", "989.4"}, {"A100X", "NVIDIA", "312"}, {"NOFIGURE", "HUAWEI", null}};

    /** S5's product is in no accelerator row; S4's buyer is in no operator row. */
    static Dataset<Row> shipmentsWithProducts() {
        Dataset<Row> rows = shipments(
                ship("S1", "2024-03-01", "NVIDIA", 100, null, "SKT", "KR"),
                ship("S2", "2024-05-01", "NVIDIA", 1000, null, "SKT", "KR"),
                ship("S3", "2024-06-01", "HUAWEI", 50, null, "MSFT", "KR"),
                ship("S4", "2025-01-01", "NVIDIA", 10, null, "NOBODY", "US"),
                ship("S5", "2024-07-01", "AMD", 5, null, "MSFT", "US"));
        return rows.withColumn("product", when(col("shipment_id").isin("S1", "S4"), "H100X")
                .when(col("shipment_id").equalTo("S2"), "A100X")
                .when(col("shipment_id").equalTo("S3"), "NOFIGURE")
                .otherwise("MISSING"));
    }

    static GoldInputs inputs(ReportSettings settings) {
        return new GoldInputs(Map.of(GpuFacts.SHIPMENTS, shipmentsWithProducts(), GpuFacts.OPERATORS, operators(),
                GpuFacts.ACCELERATORS, accelerators(ACCELERATORS)), settings);
    }

    static Row r(int year, String region, String type, String vendor, long units, long rated, String h100) {
        return RowFactory.create(year, region, type, vendor, units, rated,
                h100 == null ? null : new BigDecimal(h100).setScale(6));
    }

    @Test
    void unitsAndH100EquivalentsWorkedByHand() {
        // A100X: 312 / 989.4 = 0.3153426... -> 0.315343 per unit; 1000 units -> 315.343; plus 100 H100X = 415.343
        List<Row> expected = List.of(
                r(2024, "KR", "TELCO", "NVIDIA", 1100, 1100, "415.343"),
                r(2024, "KR", "HYPERSCALER", "HUAWEI", 50, 0, null),
                r(2024, "US", "HYPERSCALER", "AMD", 5, 0, null),
                r(2024, "WORLD", "TELCO", "NVIDIA", 1100, 1100, "415.343"),
                r(2024, "WORLD", "HYPERSCALER", "HUAWEI", 50, 0, null),
                r(2024, "WORLD", "HYPERSCALER", "AMD", 5, 0, null),
                r(2025, "US", "UNKNOWN", "NVIDIA", 10, 10, "10"),
                r(2025, "WORLD", "UNKNOWN", "NVIDIA", 10, 10, "10"));
        AcceleratorCapacity report = new AcceleratorCapacity();
        assertGold(SCHEMA, expected, report.compute(inputs(ReportSettings.DEFAULTS)), report.keyColumns());
    }

    @Test
    void theH100FigureComesFromTheSettings() {
        // With an A100-class unit (312): H100X = 989.4 / 312 = 3.1711538... -> 3.171154 per unit.
        List<Row> expected = List.of(
                r(2024, "KR", "TELCO", "NVIDIA", 1100, 1100, "1317.1154"),
                r(2024, "KR", "HYPERSCALER", "HUAWEI", 50, 0, null),
                r(2024, "US", "HYPERSCALER", "AMD", 5, 0, null),
                r(2024, "WORLD", "TELCO", "NVIDIA", 1100, 1100, "1317.1154"),
                r(2024, "WORLD", "HYPERSCALER", "HUAWEI", 50, 0, null),
                r(2024, "WORLD", "HYPERSCALER", "AMD", 5, 0, null),
                r(2025, "US", "UNKNOWN", "NVIDIA", 10, 10, "31.71154"),
                r(2025, "WORLD", "UNKNOWN", "NVIDIA", 10, 10, "31.71154"));
        AcceleratorCapacity report = new AcceleratorCapacity();
        assertGold(SCHEMA, expected, report.compute(inputs(new ReportSettings(0.7, new BigDecimal("312")))),
                report.keyColumns());
    }
}
