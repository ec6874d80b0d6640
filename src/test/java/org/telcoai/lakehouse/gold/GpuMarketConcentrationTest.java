package org.telcoai.lakehouse.gold;

import static org.telcoai.lakehouse.gold.GpuFixtures.*;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class GpuMarketConcentrationTest {

    static final StructType SCHEMA = schema("quarter", DataTypes.DateType, "region", DataTypes.StringType,
            "hhi", DataTypes.DoubleType, "leader_vendor", DataTypes.StringType,
            "leader_revenue_share", DataTypes.DoubleType);

    static Row r(String quarter, String region, Double hhi, String leader, Double leaderShare) {
        return RowFactory.create(d(quarter), region, hhi, leader, leaderShare);
    }

    /** Same shipments as the vendor share test; its revenue shares are worked out there. */
    @Test
    void hhiAndLeaderWorkedByHand() {
        List<Row> expected = List.of(
                // shares 0.6 / 0.4 -> 60^2 + 40^2
                r("2024-01-01", "KR", 5200.0, "NVIDIA", 0.6),
                // a single vendor -> 100^2
                r("2024-01-01", "US", 10000.0, "NVIDIA", 1.0),
                // shares 11/15, 4/15 -> (220/3)^2 + (80/3)^2 = 54800/9
                r("2024-01-01", "WORLD", 54800.0 / 9, "NVIDIA", 110.0 / 150),
                r("2024-10-01", "KR", 10000.0, "NVIDIA", 1.0),
                r("2024-10-01", "WORLD", 10000.0, "NVIDIA", 1.0),
                // revenue tie 0.5 / 0.5: leader by vendor name ascending
                r("2025-01-01", "KR", 5000.0, "INTEL", 0.5),
                // zero revenue: no shares, so no HHI and no leader
                r("2025-01-01", "US", null, null, null),
                // 0.5 / 0.5 / 0.0
                r("2025-01-01", "WORLD", 5000.0, "INTEL", 0.5));
        GpuMarketConcentration report = new GpuMarketConcentration();
        assertGold(SCHEMA, expected, report.compute(inputs(shipments(GpuVendorShareTest.SHIPMENTS))),
                report.keyColumns());
    }
}
