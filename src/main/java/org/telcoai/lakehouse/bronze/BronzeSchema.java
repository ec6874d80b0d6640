package org.telcoai.lakehouse.bronze;

import static org.telcoai.lakehouse.bronze.Lineage.*;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.telcoai.lakehouse.datasets.DatasetSpec;

/** Bronze keeps every declared column as the string received, plus lineage. */
public final class BronzeSchema {

    public static final List<String> PARTITION_COLUMNS = List.of(DELIVERY_DATE);

    private BronzeSchema() { }

    public static StructType of(DatasetSpec spec) {
        List<StructField> fields = new ArrayList<>();
        for (String column : spec.columnNames()) {
            fields.add(DataTypes.createStructField(column, DataTypes.StringType, true));
        }
        fields.add(DataTypes.createStructField(RAW_RECORD, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(MALFORMED, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(SOURCE_FILE, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(ROW_NUMBER, DataTypes.LongType, false));
        fields.add(DataTypes.createStructField(DELIVERY_DATE, DataTypes.DateType, true));
        fields.add(DataTypes.createStructField(FILE_SHA256, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(INGEST_BATCH, DataTypes.LongType, false));
        fields.add(DataTypes.createStructField(INGEST_RUN_ID, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(INGESTED_AT, DataTypes.TimestampType, false));
        return DataTypes.createStructType(fields);
    }
}
