package org.telcoai.lakehouse.gold;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataType;
import org.telcoai.lakehouse.datasets.DatasetSpec;
import org.telcoai.lakehouse.silver.SilverVersions;

/**
 * What restatements changed, from a fact dataset's versions table: for each delivery date (as_of) and each entity
 * and quarter, the measures as first reported, as known on as_of, the difference, and how many records were restated
 * by then. Shared by {@link CapexRestatements} and {@link GpuShipmentRestatements}.
 *
 * <ul>
 *   <li>A record's first report is the version current on the delivery date the record first arrived in; its
 *       version on as_of is the one current on that date. Both depend only on deliveries up to as_of, so the rows
 *       of one as_of never change later: the table as of D is its rows with as_of &lt;= D.</li>
 *   <li>A restated record counts in its first version's entity and quarter and in its current one's (a restatement
 *       may move it to another month or operator); records_restated counts each record once per row.</li>
 *   <li>as_of takes every delivery date of the dataset; only rows with at least one restated record are kept, as
 *       a record never restated has the same value both ways.</li>
 *   <li>A measure that is null (an amount without an FX rate) adds nothing, as in the other reports.</li>
 * </ul>
 */
final class Restatements {

    static final String AS_OF = "as_of";
    static final String RECORDS_RESTATED = "records_restated";

    /** A summed measure: the report's column prefix, its value on one version row and the type it is summed as. */
    record Measure(String name, Column value, DataType type) { }

    private Restatements() { }

    static Dataset<Row> compute(DatasetSpec facts, Dataset<Row> versions, String entity, String dateColumn,
                                List<Measure> measures) {
        Column[] keys = facts.keyColumns().stream().map(k -> col(k)).toArray(Column[]::new);
        List<Column> shape = new ArrayList<>(List.of(keys));
        shape.add(col(SilverVersions.ARRIVED_IN));
        shape.add(col(SilverVersions.SUPERSEDED_IN));
        shape.add(col(entity).as("__entity"));
        shape.add(Periods.quarter(col(dateColumn)).as("__quarter"));
        shape.add(struct(SilverVersions.VERSION_IDENTITY.stream().map(c -> col(c)).toArray(Column[]::new))
                .as("__version"));
        for (int i = 0; i < measures.size(); i++) {
            shape.add(measures.get(i).value().cast(measures.get(i).type()).as("__m" + i));
        }
        Dataset<Row> all = versions.select(shape.toArray(Column[]::new));

        Dataset<Row> dates = versions.where(col(SilverVersions.ARRIVED_IN).isNotNull())
                .select(col(SilverVersions.ARRIVED_IN).as(AS_OF)).distinct();
        Column current = col(SilverVersions.ARRIVED_IN).leq(col(AS_OF)).and(col(SilverVersions.SUPERSEDED_IN).isNull()
                .or(col(SilverVersions.SUPERSEDED_IN).gt(col(AS_OF))));
        Dataset<Row> known = all.join(broadcast(dates), current);

        List<Column> firstShape = new ArrayList<>(List.of(keys));
        firstShape.add(col("__entity").as("__f_entity"));
        firstShape.add(col("__quarter").as("__f_quarter"));
        firstShape.add(col("__version").as("__f_version"));
        for (int i = 0; i < measures.size(); i++) {
            firstShape.add(col("__m" + i).as("__f_m" + i));
        }
        Dataset<Row> first = all
                .withColumn("__first_arrival", min(col(SilverVersions.ARRIVED_IN)).over(Window.partitionBy(keys)))
                .where(col(SilverVersions.ARRIVED_IN).equalTo(col("__first_arrival"))
                        .and(col(SilverVersions.SUPERSEDED_IN).isNull()
                                .or(col(SilverVersions.SUPERSEDED_IN).gt(col("__first_arrival")))))
                .select(firstShape.toArray(Column[]::new));

        Dataset<Row> pairs = known.join(first, seq(facts.keyColumns()));
        Column restatedKey = when(col("__version").notEqual(col("__f_version")), struct(keys));
        Dataset<Row> asFirst = pairs.select(contribution(measures, entity, true, restatedKey));
        Dataset<Row> asKnown = pairs.select(contribution(measures, entity, false, restatedKey));

        List<Column> sums = new ArrayList<>();
        for (int i = 0; i < measures.size(); i++) {
            sums.add(sum(col("__first" + i)).as("__first" + i));
            sums.add(sum(col("__known" + i)).as("__known" + i));
        }
        Dataset<Row> totals = asFirst.unionByName(asKnown).groupBy(col(entity), col("quarter"), col(AS_OF))
                .agg(countDistinct(col("__restated")).as(RECORDS_RESTATED), sums.toArray(Column[]::new))
                .where(col(RECORDS_RESTATED).gt(0));

        List<Column> out = new ArrayList<>(List.of(col(entity), col("quarter"), col(AS_OF)));
        for (int i = 0; i < measures.size(); i++) {
            Measure measure = measures.get(i);
            out.add(col("__first" + i).cast(measure.type()).as(measure.name() + "_first_reported"));
            out.add(col("__known" + i).cast(measure.type()).as(measure.name() + "_as_of"));
            out.add(col("__known" + i).minus(col("__first" + i)).cast(measure.type())
                    .as(measure.name() + "_difference"));
        }
        out.add(col(RECORDS_RESTATED));
        return totals.select(out.toArray(Column[]::new));
    }

    /** One side of a record's pair of versions: its entity and quarter, its measures on that side, 0 on the other. */
    private static Column[] contribution(List<Measure> measures, String entity, boolean firstSide,
                                         Column restatedKey) {
        List<Column> columns = new ArrayList<>();
        columns.add(col(firstSide ? "__f_entity" : "__entity").as(entity));
        columns.add(col(firstSide ? "__f_quarter" : "__quarter").as("quarter"));
        columns.add(col(AS_OF));
        for (int i = 0; i < measures.size(); i++) {
            Column zero = lit(0).cast(measures.get(i).type());
            Column mine = col((firstSide ? "__f_m" : "__m") + i);
            columns.add((firstSide ? mine : zero).as("__first" + i));
            columns.add((firstSide ? zero : mine).as("__known" + i));
        }
        columns.add(restatedKey.as("__restated"));
        return columns.toArray(Column[]::new);
    }

    private static scala.collection.Seq<String> seq(List<String> names) {
        return scala.collection.JavaConverters.asScalaBuffer(names).toSeq();
    }
}
