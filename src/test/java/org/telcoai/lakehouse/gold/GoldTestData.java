package org.telcoai.lakehouse.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.silver.SilverSchema;
import org.telcoai.lakehouse.testing.Utc;
import org.telcoai.lakehouse.testing.DataFrameAssertions;
import org.telcoai.lakehouse.testing.SharedSpark;

/** Hand-made silver and reference rows in the real table schemas, and comparisons of report output. */
final class GoldTestData {

    static final StructType CAPEX = SilverSchema.of(Datasets.TELCO_CAPEX);
    static final StructType ENERGY = SilverSchema.of(Datasets.ENERGY_PRICES);
    static final StructType SITES = SilverSchema.of(Datasets.SITES);

    private GoldTestData() { }

    static Date date(String iso) {
        return Date.valueOf(iso);
    }

    /** An ISO local date-time read as UTC (the session time zone), e.g. {@code 2024-01-31T23:45}. */
    static Timestamp utc(String isoDateTime) {
        return Utc.timestamp(isoDateTime);
    }

    static BigDecimal dec(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    /** A capex row in USD; amountUsd null means silver found no FX rate. */
    static Row capex(String recordId, String operator, String country, String periodDate, String assetClass,
            String amountUsd) {
        Date period = date(periodDate);
        return row(CAPEX, Map.of("record_id", recordId, "operator_id", operator, "country_iso", country,
                "period_date", period, "asset_class", assetClass, "currency", "USD",
                "period_year", period.toLocalDate().getYear()), "amount", dec(amountUsd == null ? "1" : amountUsd),
                "amount_usd", dec(amountUsd));
    }

    static Row price(String zone, String market, String intervalStartUtc, int minutes, String priceUsd) {
        Timestamp start = utc(intervalStartUtc);
        return row(ENERGY, Map.of("zone", zone, "country_iso", "DE", "interval_start", start,
                "interval_minutes", minutes, "currency", "USD", "market", market,
                "interval_year", start.toInstant().atZone(java.time.ZoneOffset.UTC).getYear()),
                "price", dec(priceUsd == null ? "1" : priceUsd), "price_usd_mwh", dec(priceUsd));
    }

    static Row site(String siteId, String operator, String country, String zone, String capacityMw, String pue,
            String commissioned) {
        java.util.HashMap<String, Object> values = new java.util.HashMap<>();
        values.put("site_id", siteId);
        values.put("operator_id", operator);
        values.put("country_iso", country);
        values.put("zone", zone);
        values.put("it_capacity_mw", dec(capacityMw));
        values.put("pue", dec(pue));
        values.put("commissioned_date", commissioned == null ? null : date(commissioned));
        return row(SITES, values);
    }

    /** Values by column name (two nullable extras may be passed as name/value pairs); lineage gets defaults. */
    private static Row row(StructType schema, Map<String, Object> values, Object... extra) {
        java.util.HashMap<String, Object> all = new java.util.HashMap<>(values);
        for (int i = 0; i < extra.length; i += 2) {
            all.put((String) extra[i], extra[i + 1]);
        }
        return row(schema, all);
    }

    private static Row row(StructType schema, java.util.HashMap<String, Object> values) {
        Object[] cells = new Object[schema.fields().length];
        for (int i = 0; i < cells.length; i++) {
            StructField field = schema.fields()[i];
            if (values.containsKey(field.name())) {
                cells[i] = values.get(field.name());
            } else if (!field.nullable()) {
                cells[i] = lineageDefault(field.dataType());
            }
        }
        return RowFactory.create(cells);
    }

    private static Object lineageDefault(DataType type) {
        if (type.equals(DataTypes.StringType)) {
            return "test";
        } else if (type.equals(DataTypes.LongType)) {
            return 1L;
        } else if (type.equals(DataTypes.IntegerType)) {
            return 0;
        } else if (type.equals(DataTypes.TimestampType)) {
            return utc("2026-01-01T00:00");
        } else if (type.equals(DataTypes.DateType)) {
            return date("2026-01-01");
        }
        throw new IllegalArgumentException("no default for " + type);
    }

    static Dataset<Row> frame(StructType schema, Row... rows) {
        return SharedSpark.spark().createDataFrame(Arrays.asList(rows), schema);
    }

    static GoldInputs inputs(Map<String, Dataset<Row>> tables) {
        return new GoldInputs(tables, ReportSettings.DEFAULTS);
    }

    /** Column names and types, in order, as "name type" (nullability is not part of the contract). */
    static void assertColumns(Dataset<Row> actual, String... nameAndType) {
        List<String> columns = new ArrayList<>();
        for (StructField field : actual.schema().fields()) {
            columns.add(field.name() + " " + field.dataType().simpleString());
        }
        assertEquals(Arrays.asList(nameAndType), columns);
    }

    /** Same rows in any order; expected rows are built in the actual schema (types checked by assertColumns). */
    static void assertRows(Dataset<Row> actual, Row... expected) {
        Dataset<Row> expectedFrame = SharedSpark.spark().createDataFrame(Arrays.asList(expected), actual.schema());
        DataFrameAssertions.assertNoOrderEquals(expectedFrame, actual);
    }
}
