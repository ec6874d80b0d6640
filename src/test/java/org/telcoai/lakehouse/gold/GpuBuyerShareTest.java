package org.telcoai.lakehouse.gold;

import static org.telcoai.lakehouse.gold.GpuFixtures.*;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class GpuBuyerShareTest {

    static final StructType SCHEMA = schema("year", DataTypes.IntegerType, "region", DataTypes.StringType,
            "buyer_type", DataTypes.StringType, "units", DataTypes.LongType, "revenue_usd", MONEY,
            "revenue_share", DataTypes.DoubleType);

    static Row r(int year, String region, String buyerType, long units, String revenue, Double share) {
        return RowFactory.create(year, region, buyerType, units, usd(revenue), share);
    }

    @Test
    void buyerTypesPerYearAndRegionWorkedByHand() {
        var input = shipments(
                ship("B1", "2024-03-01", "NVIDIA", 10, "2", "SKT", "KR"),
                ship("B2", "2024-06-01", "NVIDIA", 5, "4", "MSFT", "KR"),
                ship("B3", "2024-07-01", "AMD", 2, "5", "DTAG", "DE"),
                ship("B4", "2024-12-31", "NVIDIA", 3, "10", "EQIX", "US"),
                // a buyer missing from operators is kept, as UNKNOWN
                ship("B5", "2024-05-05", "INTEL", 1, "20", "GHOST", "US"),
                ship("B6", "2025-01-01", "NVIDIA", 4, "5", "SKT", "KR"),
                // zero revenue year-region: share null
                ship("B7", "2025-06-30", "HUAWEI", 7, "0", "DTAG", "DE"));
        List<Row> expected = List.of(
                r(2024, "KR", "TELCO", 10, "20", 0.5),
                r(2024, "KR", "HYPERSCALER", 5, "20", 0.5),
                r(2024, "DE", "TELCO", 2, "10", 1.0),
                r(2024, "US", "COLOCATION", 3, "30", 0.6),
                r(2024, "US", "UNKNOWN", 1, "20", 0.4),
                // WORLD 2024: revenue 20 + 20 + 10 + 30 + 20 = 100
                r(2024, "WORLD", "TELCO", 12, "30", 0.3),
                r(2024, "WORLD", "HYPERSCALER", 5, "20", 0.2),
                r(2024, "WORLD", "COLOCATION", 3, "30", 0.3),
                r(2024, "WORLD", "UNKNOWN", 1, "20", 0.2),
                r(2025, "KR", "TELCO", 4, "20", 1.0),
                r(2025, "DE", "TELCO", 7, "0", null),
                // WORLD 2025: both telco rows, revenue 20
                r(2025, "WORLD", "TELCO", 11, "20", 1.0));
        GpuBuyerShare report = new GpuBuyerShare();
        assertGold(SCHEMA, expected, report.compute(inputs(input)), report.keyColumns());
    }
}
