package org.telcoai.lakehouse.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.telcoai.lakehouse.bronze.Lineage;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.silver.SilverSchema;
import org.telcoai.lakehouse.testing.DataFrameAssertions;
import org.telcoai.lakehouse.testing.SharedSpark;

/** Hand-made silver.gpu_shipments and reference.operators rows in the real silver schemas, and gold comparisons. */
final class GpuFixtures {

    static final StructType SHIPMENTS_SCHEMA = SilverSchema.of(Datasets.GPU_SHIPMENTS);
    static final StructType OPERATORS_SCHEMA = SilverSchema.of(Datasets.OPERATORS);
    static final StructType ACCELERATORS_SCHEMA = SilverSchema.of(Datasets.ACCELERATORS);
    static final DataType MONEY = DataTypes.createDecimalType(38, 4);

    /** The operators of the buyer tests: two telcos in different countries, a hyperscaler, a colocation firm. */
    static final List<String[]> OPERATORS = List.of(
            new String[] {"SKT", "SK Telecom", "TELCO", "KR"},
            new String[] {"DTAG", "Deutsche Telekom", "TELCO", "DE"},
            new String[] {"MSFT", "Microsoft", "HYPERSCALER", "US"},
            new String[] {"EQIX", "Equinix", "COLOCATION", "US"});

    private GpuFixtures() { }

    static SparkSession spark() {
        return SharedSpark.spark();
    }

    /** A shipment as silver holds it; unit_price is already USD. */
    record Shipment(String id, String shipDate, String vendor, int units, String unitPriceUsd, String buyer,
                    String country) { }

    static Shipment ship(String id, String shipDate, String vendor, int units, String unitPriceUsd, String buyer,
                         String country) {
        return new Shipment(id, shipDate, vendor, units, unitPriceUsd, buyer, country);
    }

    static Dataset<Row> shipments(Shipment... shipments) {
        List<Row> rows = new ArrayList<>();
        long n = 0;
        for (Shipment s : shipments) {
            Map<String, Object> v = new HashMap<>(lineage(++n));
            Date date = Date.valueOf(s.shipDate());
            v.put("shipment_id", s.id());
            v.put("ship_date", date);
            v.put("vendor", s.vendor());
            v.put("product", s.vendor() + "-GPU");
            v.put("units", s.units());
            v.put("unit_price", s.unitPriceUsd() == null ? null : new BigDecimal(s.unitPriceUsd()));
            v.put("currency", "USD");
            v.put("buyer_id", s.buyer());
            v.put("destination_country_iso", s.country());
            v.put("unit_price_usd", s.unitPriceUsd() == null ? null : new BigDecimal(s.unitPriceUsd()));
            v.put("ship_year", date.toLocalDate().getYear());
            rows.add(row(SHIPMENTS_SCHEMA, v));
        }
        return spark().createDataFrame(rows, SHIPMENTS_SCHEMA);
    }

    static Dataset<Row> operators() {
        List<Row> rows = new ArrayList<>();
        long n = 0;
        for (String[] o : OPERATORS) {
            Map<String, Object> v = new HashMap<>(lineage(++n));
            v.put("operator_id", o[0]);
            v.put("name", o[1]);
            v.put("operator_type", o[2]);
            v.put("home_country_iso", o[3]);
            rows.add(row(OPERATORS_SCHEMA, v));
        }
        return spark().createDataFrame(rows, OPERATORS_SCHEMA);
    }

    /** reference.accelerators rows: {product, vendor, tflops_16bit or null}. */
    static Dataset<Row> accelerators(String[]... products) {
        List<Row> rows = new ArrayList<>();
        long n = 0;
        for (String[] p : products) {
            Map<String, Object> v = new HashMap<>(lineage(++n));
            v.put("product", p[0]);
            v.put("vendor", p[1]);
            v.put("hardware_name", p[0] + " board");
            v.put("tflops_16bit", p[2] == null ? null : new BigDecimal(p[2]));
            rows.add(row(ACCELERATORS_SCHEMA, v));
        }
        return spark().createDataFrame(rows, ACCELERATORS_SCHEMA);
    }

    static GoldInputs inputs(Dataset<Row> shipments) {
        return new GoldInputs(Map.of(GpuFacts.SHIPMENTS, shipments, GpuFacts.OPERATORS, operators()),
                ReportSettings.DEFAULTS);
    }

    private static Map<String, Object> lineage(long rowNumber) {
        return Map.of(Lineage.SOURCE_FILE, "file:/landing/test.csv", Lineage.ROW_NUMBER, rowNumber,
                Lineage.DELIVERY_DATE, Date.valueOf("2026-01-05"), Lineage.INGEST_BATCH, 1L,
                Lineage.INGEST_RUN_ID, "test-run");
    }

    private static Row row(StructType schema, Map<String, Object> values) {
        Object[] cells = Arrays.stream(schema.fieldNames()).map(values::get).toArray();
        return RowFactory.create(cells);
    }

    static Date d(String date) {
        return Date.valueOf(date);
    }

    static BigDecimal usd(String amount) {
        return new BigDecimal(amount).setScale(4);
    }

    static StructType schema(Object... nameTypePairs) {
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            fields.add(DataTypes.createStructField((String) nameTypePairs[i], (DataType) nameTypePairs[i + 1], true));
        }
        return DataTypes.createStructType(fields);
    }

    /**
     * Asserts the column names and types (the contract) exactly, then the rows, in any order, doubles within
     * 1e-9. Nullability is not part of the contract (it follows the input schema), so both sides are compared as
     * all-nullable.
     */
    static void assertGold(StructType expectedSchema, List<Row> expectedRows, Dataset<Row> actual,
                           List<String> keys) {
        assertEquals(expectedSchema.simpleString(), nullable(actual.schema()).simpleString(), "columns and types");
        Dataset<Row> expected = spark().createDataFrame(expectedRows, expectedSchema);
        Dataset<Row> relaxed = spark().createDataFrame(actual.collectAsList(), nullable(actual.schema()));
        Column[] order = keys.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        assertEquals(expectedRows.size(), relaxed.count(), "row count");
        try {
            DataFrameAssertions.assertApproximateEquals(expected.orderBy(order), relaxed.orderBy(order), 1e-9);
        } catch (RuntimeException | AssertionError e) {
            // spark-testing-base builds its mismatch report with a session the shared base never sets (an NPE):
            // show both sides instead.
            throw new AssertionError("gold rows differ\nexpected:\n" + rows(expected.orderBy(order))
                    + "actual:\n" + rows(relaxed.orderBy(order)), e);
        }
    }

    /** Same column names and types and the same rows in any order (nullability ignored). */
    static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
        Dataset<Row> left = spark().createDataFrame(expected.collectAsList(), nullable(expected.schema()));
        Dataset<Row> right = spark().createDataFrame(actual.collectAsList(), nullable(actual.schema()));
        assertEquals(left.schema().simpleString(), right.schema().simpleString(), "columns and types");
        try {
            DataFrameAssertions.assertNoOrderEquals(left, right);
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError("rows differ\nexpected:\n" + rows(left) + "actual:\n" + rows(right), e);
        }
    }

    private static String rows(Dataset<Row> rows) {
        StringBuilder text = new StringBuilder();
        rows.collectAsList().forEach(r -> text.append("  ").append(r).append('\n'));
        return text.toString();
    }

    static StructType nullable(StructType schema) {
        List<StructField> fields = new ArrayList<>();
        for (StructField f : schema.fields()) {
            fields.add(DataTypes.createStructField(f.name(), f.dataType(), true));
        }
        return DataTypes.createStructType(fields);
    }
}
