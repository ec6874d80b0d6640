package org.telcoai.lakehouse.gold;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.silver.SilverVersions;

/**
 * {@code gold.capex_restatements} (operator_id, quarter, as_of): capex_usd of the operator's quarter as first
 * reported, as known on as_of, the difference and how many records had been restated by then (see
 * {@link Restatements}). Money DECIMAL(38,4), nominal USD from each version's {@code amount_usd}; quarter as in
 * {@link CapexTrends}.
 */
public final class CapexRestatements implements GoldReport {

    public static final String VERSIONS = SilverVersions.table(Datasets.TELCO_CAPEX);

    @Override
    public String name() {
        return "capex_restatements";
    }

    @Override
    public List<String> sources() {
        return List.of(VERSIONS);
    }

    @Override
    public List<String> keyColumns() {
        return List.of("operator_id", "quarter", Restatements.AS_OF);
    }

    @Override
    public boolean historical() {
        return true;
    }

    @Override
    public Dataset<Row> compute(GoldInputs inputs) {
        return Restatements.compute(Datasets.TELCO_CAPEX, inputs.table(VERSIONS), "operator_id", "period_date",
                List.of(new Restatements.Measure("capex_usd", col("amount_usd"), CapexTrends.MONEY)));
    }
}
