package org.telcoai.lakehouse.gold;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.silver.SilverVersions;

/**
 * {@code gold.gpu_shipment_restatements} (vendor, quarter, as_of): units and revenue_usd shipped in the vendor's
 * quarter (by ship_date) as first reported, as known on as_of, the differences and how many shipment records had
 * been corrected by then (see {@link Restatements}). Revenue counts priced units as in {@link GpuFacts}.
 */
public final class GpuShipmentRestatements implements GoldReport {

    public static final String VERSIONS = SilverVersions.table(Datasets.GPU_SHIPMENTS);

    @Override
    public String name() {
        return "gpu_shipment_restatements";
    }

    @Override
    public List<String> sources() {
        return List.of(VERSIONS);
    }

    @Override
    public List<String> keyColumns() {
        return List.of("vendor", "quarter", Restatements.AS_OF);
    }

    @Override
    public boolean historical() {
        return true;
    }

    @Override
    public Dataset<Row> compute(GoldInputs inputs) {
        return Restatements.compute(Datasets.GPU_SHIPMENTS, inputs.table(VERSIONS), "vendor", "ship_date",
                List.of(new Restatements.Measure("units", col("units"), DataTypes.LongType),
                        new Restatements.Measure("revenue_usd", GpuFacts.revenue(), GpuFacts.MONEY)));
    }
}
