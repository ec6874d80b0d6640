package org.telcoai.lakehouse.gold;

import java.util.List;
import org.telcoai.lakehouse.datasets.DatasetSpec;

/**
 * Which gold rows a change to a report's fact table affects, so a night recomputes only those rows. Each form
 * is exact: recomputing the affected rows from the inputs they need gives the rows a full recompute gives. Any
 * change to another source (a reference table) makes the report recompute in full.
 */
public sealed interface Incremental {

    /** The fact dataset whose changes drive the report; null when any change recomputes it in full. */
    DatasetSpec facts();

    /** Recomputed in full whenever a source changed (small reports over small inputs). */
    record Full() implements Incremental {

        @Override
        public DatasetSpec facts() {
            return null;
        }
    }

    /**
     * Rows of one entity (such as an operator) depend only on that entity's fact rows: the entities whose rows
     * changed are recomputed from their own rows. {@code column} names the entity in the fact table and the report.
     */
    record ByEntity(DatasetSpec facts, String column) implements Incremental { }

    /**
     * Rows of a period depend on fact rows of a few periods at fixed distances. A fact row in period p changes
     * the report's periods p + r for each r in {@code reach}; a report period a is computed from the fact rows of
     * a + l for each l in {@code lookback}. Facts are assigned to periods by the date their silver table is
     * partitioned by.
     */
    record ByPeriod(DatasetSpec facts, String column, Granularity granularity, List<Integer> reach,
                    List<Integer> lookback) implements Incremental {

        public ByPeriod {
            reach = List.copyOf(reach);
            lookback = List.copyOf(lookback);
        }
    }

    /**
     * Running totals from each series' first period to the last period of the whole input: a fact row in period p
     * changes every period from p on, and a new last period adds a row to every series, so the report is
     * recomputed from all facts and rewritten from the earliest changed period (or the first new one) on.
     */
    record Cumulative(DatasetSpec facts, String column, Granularity granularity) implements Incremental { }

    static Incremental full() {
        return new Full();
    }

    /** Rows that depend on their own period only. */
    static Incremental samePeriod(DatasetSpec facts, String column, Granularity granularity) {
        return new ByPeriod(facts, column, granularity, List.of(0), List.of(0));
    }

    /** Rows that also compare with the period {@code distance} periods earlier (year-over-year and the like). */
    static Incremental comparedWith(DatasetSpec facts, String column, Granularity granularity, int distance) {
        return new ByPeriod(facts, column, granularity, List.of(0, distance), List.of(0, -distance));
    }
}
