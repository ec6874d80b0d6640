package org.telcoai.lakehouse.gold;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One gold report: a pure transform from silver and reference tables to one table, {@code gold.<name>}. It
 * reads nothing and writes nothing itself; {@link GoldInputs} hands it the tables and the report job writes
 * the result, so the same transform serves the nightly run, tests on hand-made DataFrames and later runs over
 * other inputs.
 */
public interface GoldReport {

    /** Table name inside the gold schema; other tools depend on it, never rename. */
    String name();

    /** Qualified tables it reads, such as {@code silver.gpu_shipments} or {@code reference.operators}. */
    List<String> sources();

    /** Columns that identify a row, in the order rows are sorted for exports. */
    List<String> keyColumns();

    Dataset<Row> compute(GoldInputs inputs);

    /**
     * Whether the rows are already keyed by the delivery date they describe ({@code as_of}) and never change once
     * written: the report as it was on a date D is its rows with as_of &lt;= D, so {@code report --as-of} has
     * nothing to compute for it.
     */
    default boolean historical() {
        return false;
    }

    /** Which rows a change to the inputs affects, so a nightly run recomputes only those (see Incremental). */
    default Incremental incremental() {
        return Incremental.full();
    }
}
