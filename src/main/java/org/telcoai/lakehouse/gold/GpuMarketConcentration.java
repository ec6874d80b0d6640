package org.telcoai.lakehouse.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.telcoai.lakehouse.datasets.Datasets;

/**
 * gold.gpu_market_concentration, one row per (quarter, region) with shipments; computed from the same vendor
 * shares and ranks as {@link GpuVendorShare}, so both reports always agree.
 *
 * <p>Columns and types: quarter DATE, region STRING (country or WORLD), hhi DOUBLE (sum over vendors of
 * (revenue_share x 100)^2, 0..10000), leader_vendor STRING, leader_revenue_share DOUBLE.
 *
 * <p>Decisions:
 * <ul>
 *   <li>The leader is the vendor with revenue_rank 1: largest revenue, ties by vendor name ascending.</li>
 *   <li>A quarter-region with zero (or no priced) revenue has no shares: hhi, leader_vendor and
 *       leader_revenue_share are null, but the row is kept so every quarter-region of gpu_vendor_share appears.</li>
 *   <li>Vendors with null revenue (no USD price) add nothing to hhi.</li>
 * </ul>
 */
public final class GpuMarketConcentration implements GoldReport {

    public static final String NAME = "gpu_market_concentration";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> sources() {
        return List.of(GpuFacts.SHIPMENTS);
    }

    @Override
    public List<String> keyColumns() {
        return List.of("quarter", "region");
    }

    @Override
    public Incremental incremental() {
        return Incremental.samePeriod(Datasets.GPU_SHIPMENTS, "quarter", Granularity.QUARTER);
    }

    @Override
    public Dataset<Row> compute(GoldInputs inputs) {
        Column leader = col("revenue_rank").equalTo(1).and(col("revenue_share").isNotNull());
        return GpuVendorShare.shares(inputs.table(GpuFacts.SHIPMENTS)).groupBy("quarter", "region")
                .agg(sum(pow(col("revenue_share").multiply(lit(100)), 2)).as("hhi"),
                        max(when(leader, col("vendor"))).as("leader_vendor"),
                        max(when(leader, col("revenue_share"))).as("leader_revenue_share"));
    }
}
