package org.telcoai.lakehouse.gold;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The tables a report may read, by qualified name, and the report settings. */
public record GoldInputs(Map<String, Dataset<Row>> tables, ReportSettings settings) {

    public GoldInputs {
        tables = Map.copyOf(tables);
    }

    public Dataset<Row> table(String qualifiedName) {
        Dataset<Row> table = tables.get(qualifiedName);
        if (table == null) {
            throw new IllegalArgumentException("report input " + qualifiedName + " was not provided; have "
                    + tables.keySet());
        }
        return table;
    }
}
