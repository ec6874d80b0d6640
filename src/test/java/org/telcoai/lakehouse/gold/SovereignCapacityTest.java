package org.telcoai.lakehouse.gold;

import static org.telcoai.lakehouse.gold.GpuFixtures.*;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SovereignCapacityTest {

    static final StructType SCHEMA = schema("year", DataTypes.IntegerType, "country_iso", DataTypes.StringType,
            "gpus_cumulative", DataTypes.LongType, "domestic_telco_gpus_cumulative", DataTypes.LongType,
            "domestic_telco_share", DataTypes.DoubleType);

    static Row r(int year, String country, long gpus, long domestic, double share) {
        return RowFactory.create(year, country, gpus, domestic, share);
    }

    @Test
    void cumulativeCapacityWithGapYearsAndForeignTelcoWorkedByHand() {
        var input = shipments(
                ship("G1", "2021-05-01", "NVIDIA", 10, "1", "SKT", "KR"),   // domestic telco
                ship("G2", "2021-06-01", "NVIDIA", 5, "1", "MSFT", "KR"),   // hyperscaler
                ship("G3", "2023-02-01", "AMD", 4, "1", "DTAG", "KR"),      // German telco in Korea: foreign
                ship("G4", "2023-08-01", "NVIDIA", 6, "1", "DTAG", "DE"),   // domestic telco
                ship("G5", "2024-03-03", "INTEL", 1, "1", "GHOST", "DE"),   // unknown buyer: not domestic
                ship("G6", "2024-12-31", "NVIDIA", 2, null, "EQIX", "US")); // last year of the data: 2024
        List<Row> expected = List.of(
                r(2021, "KR", 15, 10, 10.0 / 15),
                r(2022, "KR", 15, 10, 10.0 / 15),   // no shipments: carried forward
                r(2023, "KR", 19, 10, 10.0 / 19),
                r(2024, "KR", 19, 10, 10.0 / 19),   // carried to the last year of the whole table
                r(2023, "DE", 6, 6, 1.0),
                r(2024, "DE", 7, 6, 6.0 / 7),
                r(2024, "US", 2, 0, 0.0));
        SovereignCapacity report = new SovereignCapacity();
        assertGold(SCHEMA, expected, report.compute(inputs(input)), report.keyColumns());
    }

    @Test
    void noShipmentsNoRows() {
        SovereignCapacity report = new SovereignCapacity();
        assertGold(SCHEMA, List.of(), report.compute(inputs(shipments())), report.keyColumns());
    }
}
