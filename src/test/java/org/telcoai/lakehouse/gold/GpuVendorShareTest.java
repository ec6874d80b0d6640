package org.telcoai.lakehouse.gold;

import static org.telcoai.lakehouse.gold.GpuFixtures.*;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class GpuVendorShareTest {

    static final StructType SCHEMA = schema("quarter", DataTypes.DateType, "region", DataTypes.StringType,
            "vendor", DataTypes.StringType, "units", DataTypes.LongType, "priced_units", DataTypes.LongType,
            "revenue_usd", MONEY,
            "unit_share", DataTypes.DoubleType, "revenue_share", DataTypes.DoubleType,
            "unit_share_yoy_pp", DataTypes.DoubleType, "revenue_rank", DataTypes.IntegerType);

    /**
     * 2024-Q1: KR NVIDIA 6 x 10 + AMD 4 x 10, US NVIDIA 10 x 5. 2024-Q4: KR NVIDIA 1 x 1 (a quarter between, which
     * YoY must not use). 2025-Q1: KR NVIDIA 3 x 20 and INTEL 1 x 60 (revenue tie 60/60), US HUAWEI 2 at price 0
     * (a zero-revenue quarter-region).
     */
    static final Shipment[] SHIPMENTS = {
        ship("S1", "2024-01-10", "NVIDIA", 6, "10", "SKT", "KR"),
        ship("S2", "2024-02-20", "AMD", 4, "10", "SKT", "KR"),
        ship("S3", "2024-03-31", "NVIDIA", 10, "5", "MSFT", "US"),
        ship("S4", "2024-12-31", "NVIDIA", 1, "1", "SKT", "KR"),
        ship("S5", "2025-01-01", "NVIDIA", 3, "20", "SKT", "KR"),
        ship("S6", "2025-03-15", "INTEL", 1, "60", "SKT", "KR"),
        ship("S7", "2025-02-01", "HUAWEI", 2, "0", "EQIX", "US"),
    };

    static Row r(String quarter, String region, String vendor, long units, String revenue, double unitShare,
                 Double revenueShare, Double yoy, int rank) {
        // Every shipment in these rows has a price: priced_units = units.
        return RowFactory.create(d(quarter), region, vendor, units, units, usd(revenue), unitShare, revenueShare,
                yoy, rank);
    }

    @Test
    void sharesYoyRanksAndWorldRowsWorkedByHand() {
        List<Row> expected = List.of(
                // 2024-Q1 KR: units 10, revenue 100
                r("2024-01-01", "KR", "NVIDIA", 6, "60", 0.6, 0.6, null, 1),
                r("2024-01-01", "KR", "AMD", 4, "40", 0.4, 0.4, null, 2),
                r("2024-01-01", "US", "NVIDIA", 10, "50", 1.0, 1.0, null, 1),
                // WORLD: units 20, revenue 150
                r("2024-01-01", "WORLD", "NVIDIA", 16, "110", 0.8, 110.0 / 150, null, 1),
                r("2024-01-01", "WORLD", "AMD", 4, "40", 0.2, 40.0 / 150, null, 2),
                // 2024-Q4: 2023-Q4 has no rows, so no YoY
                r("2024-10-01", "KR", "NVIDIA", 1, "1", 1.0, 1.0, null, 1),
                r("2024-10-01", "WORLD", "NVIDIA", 1, "1", 1.0, 1.0, null, 1),
                // 2025-Q1 KR: units 4, revenue 120; tie at 60 broken by name (INTEL < NVIDIA);
                // NVIDIA YoY against 2024-Q1 (not 2024-Q4): (0.75 - 0.6) x 100; INTEL absent then -> null
                r("2025-01-01", "KR", "INTEL", 1, "60", 0.25, 0.5, null, 1),
                r("2025-01-01", "KR", "NVIDIA", 3, "60", 0.75, 0.5, 15.0, 2),
                // US: zero revenue -> revenue share null; HUAWEI absent in 2024-Q1 US -> null
                r("2025-01-01", "US", "HUAWEI", 2, "0", 1.0, null, null, 1),
                // WORLD: units 6, revenue 120; NVIDIA YoY (0.5 - 0.8) x 100
                r("2025-01-01", "WORLD", "INTEL", 1, "60", 1.0 / 6, 0.5, null, 1),
                r("2025-01-01", "WORLD", "NVIDIA", 3, "60", 0.5, 0.5, -30.0, 2),
                r("2025-01-01", "WORLD", "HUAWEI", 2, "0", 2.0 / 6, 0.0, null, 3));
        GpuVendorShare report = new GpuVendorShare();
        assertGold(SCHEMA, expected, report.compute(inputs(shipments(SHIPMENTS))), report.keyColumns());
    }

    /** Silver should never hold a row without a USD price; if it does, its units count and its revenue does not. */
    @Test
    void rowsWithoutUsdPriceHaveUnitsButNoRevenueAndRankLast() {
        var input = shipments(
                ship("N1", "2026-01-05", "AMD", 2, null, "DTAG", "DE"),
                ship("N2", "2026-02-05", "NVIDIA", 1, "5", "DTAG", "DE"),
                ship("N3", "2026-03-05", "NVIDIA", 1, null, "DTAG", "DE"));
        List<Row> expected = List.of(
                // NVIDIA: 2 units, 1 of them priced; AMD: 2 units, none priced
                RowFactory.create(d("2026-01-01"), "DE", "NVIDIA", 2L, 1L, usd("5"), 0.5, 1.0, null, 1),
                RowFactory.create(d("2026-01-01"), "DE", "AMD", 2L, 0L, null, 0.5, null, null, 2),
                RowFactory.create(d("2026-01-01"), "WORLD", "NVIDIA", 2L, 1L, usd("5"), 0.5, 1.0, null, 1),
                RowFactory.create(d("2026-01-01"), "WORLD", "AMD", 2L, 0L, null, 0.5, null, null, 2));
        GpuVendorShare report = new GpuVendorShare();
        assertGold(SCHEMA, expected, report.compute(inputs(input)), report.keyColumns());
    }

    @Test
    void noShipmentsNoRows() {
        GpuVendorShare report = new GpuVendorShare();
        assertGold(SCHEMA, List.of(), report.compute(inputs(shipments())), report.keyColumns());
    }
}
