package org.telcoai.lakehouse.quarantine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.telcoai.lakehouse.bronze.BronzeSchema;
import org.telcoai.lakehouse.datasets.DatasetSpec;
import org.telcoai.lakehouse.silver.Validation;
import org.telcoai.lakehouse.warehouse.Layer;

/** Quarantine keeps a rejected row exactly as bronze has it, with every reason it failed. */
public final class QuarantineSchema {

    private QuarantineSchema() { }

    public static String table(DatasetSpec spec) {
        return Layer.QUARANTINE.table(spec.name());
    }

    public static StructType of(DatasetSpec spec) {
        List<StructField> fields = new ArrayList<>(Arrays.asList(BronzeSchema.of(spec).fields()));
        fields.add(DataTypes.createStructField(Validation.REASONS,
                DataTypes.createArrayType(DataTypes.StringType, false), false));
        fields.add(DataTypes.createStructField(Validation.REASON_DETAILS,
                DataTypes.createArrayType(DataTypes.StringType, false), false));
        return DataTypes.createStructType(fields);
    }

    /** Rejected rows of a validated batch, shaped as the quarantine table. */
    public static Dataset<Row> rejectedRows(DatasetSpec spec, Dataset<Row> validated) {
        Column[] columns = Arrays.stream(of(spec).fieldNames()).map(functions::col).toArray(Column[]::new);
        return validated.where(functions.size(functions.col(Validation.REASONS)).gt(0)).select(columns);
    }
}
