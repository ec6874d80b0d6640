package org.telcoai.lakehouse.silver;

import static org.telcoai.lakehouse.bronze.Lineage.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.telcoai.lakehouse.datasets.ColumnSpec;
import org.telcoai.lakehouse.datasets.DatasetSpec;
import org.telcoai.lakehouse.datasets.DatasetSpec.UsdConversion;
import org.telcoai.lakehouse.warehouse.Layer;

/** Silver (and reference) tables: typed declared columns, USD columns, the partition column and lineage. */
public final class SilverSchema {

    /** Lineage kept in silver: enough to order versions of a key and to find the source record. */
    public static final List<String> LINEAGE = List.of(SOURCE_FILE, ROW_NUMBER, DELIVERY_DATE, INGEST_BATCH,
            INGEST_RUN_ID);

    private SilverSchema() { }

    public static String table(DatasetSpec spec) {
        return (spec.isReference() ? Layer.REFERENCE : Layer.SILVER).table(spec.name());
    }

    public static DataType sparkType(ColumnSpec column) {
        return switch (column.type()) {
            case STRING, CODE, COUNTRY, CURRENCY -> DataTypes.StringType;
            case DATE -> DataTypes.DateType;
            case TIMESTAMP -> DataTypes.TimestampType;
            case DECIMAL -> DataTypes.createDecimalType(column.precision(), column.scale());
            case INTEGER -> DataTypes.IntegerType;
        };
    }

    public static StructType of(DatasetSpec spec) {
        List<StructField> fields = new ArrayList<>();
        for (ColumnSpec column : spec.columns()) {
            fields.add(DataTypes.createStructField(column.name(), sparkType(column), !column.required()));
        }
        for (UsdConversion usd : spec.usdConversions()) {
            fields.add(DataTypes.createStructField(usd.targetColumn(),
                    DataTypes.createDecimalType(usd.precision(), usd.scale()), true));
        }
        spec.partition().ifPresent(p ->
                fields.add(DataTypes.createStructField(p.column(), DataTypes.IntegerType, false)));
        fields.add(DataTypes.createStructField(SOURCE_FILE, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(ROW_NUMBER, DataTypes.LongType, false));
        fields.add(DataTypes.createStructField(DELIVERY_DATE, DataTypes.DateType, true));
        fields.add(DataTypes.createStructField(INGEST_BATCH, DataTypes.LongType, false));
        fields.add(DataTypes.createStructField(INGEST_RUN_ID, DataTypes.StringType, false));
        return DataTypes.createStructType(fields);
    }

    public static List<String> partitionColumns(DatasetSpec spec) {
        return spec.partition().map(p -> List.of(p.column())).orElse(List.of());
    }

    /**
     * On facts: the change data feed, so later incremental reports read what each night changed; and deletion
     * vectors, so a night's MERGE marks the rows it replaces instead of rewriting every file that holds one (a
     * yearly partition's file for a dozen restated prices). Readers need Delta 2.3 or later.
     */
    public static Map<String, String> properties(DatasetSpec spec) {
        return spec.isReference() ? Map.of()
                : Map.of("delta.enableChangeDataFeed", "true", "delta.enableDeletionVectors", "true");
    }
}
