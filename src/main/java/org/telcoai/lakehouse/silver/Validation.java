package org.telcoai.lakehouse.silver;

import static org.apache.spark.sql.functions.*;
import static org.telcoai.lakehouse.bronze.Lineage.MALFORMED;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.telcoai.lakehouse.bronze.Lineage;
import org.telcoai.lakehouse.datasets.ColumnSpec;
import org.telcoai.lakehouse.datasets.ColumnType;
import org.telcoai.lakehouse.datasets.DatasetSpec;
import org.telcoai.lakehouse.datasets.DatasetSpec.UsdConversion;
import org.telcoai.lakehouse.datasets.ReasonCode;
import org.telcoai.lakehouse.datasets.Rule;

/**
 * Types and checks bronze rows against their dataset's declaration, with built-in column expressions only (no
 * UDFs), collecting every reason a row fails rather than the first. Casts are try_cast, so a bad value becomes a
 * reason code whatever spark.sql.ansi.enabled says.
 */
public final class Validation {

    public static final String REASONS = "reasons";
    public static final String REASON_DETAILS = "reason_details";

    static final String DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
    static final String TIMESTAMP_PATTERN =
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:?[0-9]{2})$";
    static final String INTEGER_PATTERN = "^[+-]?[0-9]{1,10}$";
    /** Plain decimal notation only: "1e3", "1,5" and "1.234,56" are not amounts anyone should guess at. */
    static final String DECIMAL_PATTERN = "^[+-]?[0-9]+(\\.[0-9]+)?$";
    /** ISO codes that name no spendable currency (XXX: none, XTS: testing). */
    private static final Set<String> NOT_CURRENCIES = Set.of("XXX", "XTS");

    private Validation() { }

    static String clean(String column) {
        return "__clean_" + column;
    }

    public static String typed(String column) {
        return "__typed_" + column;
    }

    static String usdRaw(String column) {
        return "__usd_raw_" + column;
    }

    /** Bronze columns, typed columns, USD columns, {@value REASONS} and {@value REASON_DETAILS}. */
    public static Dataset<Row> validate(DatasetSpec spec, Dataset<Row> bronze, ReferenceData references) {
        List<Column> withTyped = new ArrayList<>(columns(bronze));
        for (ColumnSpec column : spec.columns()) {
            // Spark's one-argument trim removes spaces only; tabs and stray line ends are blank too.
            Column trimmed = trim(col(column.name()), " \t\r\n");
            // Empty, blank and quoted-empty values are all simply missing.
            withTyped.add(when(trimmed.equalTo(""), lit(null).cast("string")).otherwise(trimmed)
                    .as(clean(column.name())));
        }
        Dataset<Row> cleaned = bronze.select(withTyped.toArray(Column[]::new));

        List<Column> typedColumns = new ArrayList<>(columns(cleaned));
        for (ColumnSpec column : spec.columns()) {
            typedColumns.add(typedValue(column).as(typed(column.name())));
        }
        Dataset<Row> typedRows = cleaned.select(typedColumns.toArray(Column[]::new));

        Column rate = null;
        if (spec.currencyColumn() != null) {
            typedRows = joinFx(spec, typedRows, references);
            rate = col(ReferenceData.FX_RATE);
            List<Column> withUsd = new ArrayList<>(columns(typedRows));
            for (UsdConversion usd : spec.usdConversions()) {
                withUsd.add(round(col(typed(usd.sourceColumn())).multiply(rate), usd.scale()).as(usdRaw(usd.targetColumn())));
            }
            typedRows = typedRows.select(withUsd.toArray(Column[]::new));
            withUsd = new ArrayList<>(columns(typedRows));
            for (UsdConversion usd : spec.usdConversions()) {
                withUsd.add(expr("try_cast(`" + usdRaw(usd.targetColumn()) + "` AS DECIMAL(" + usd.precision()
                        + "," + usd.scale() + "))").as(usd.targetColumn()));
            }
            typedRows = typedRows.select(withUsd.toArray(Column[]::new));
        }

        List<Column[]> checks = new ArrayList<>();
        for (ColumnSpec column : spec.columns()) {
            checks.addAll(columnChecks(column));
        }
        for (Rule rule : spec.rules()) {
            checks.add(check(ruleViolated(rule, references), rule.column(), rule.reason()));
        }
        if (spec.currencyColumn() != null) {
            // A rate is needed only when there is an amount to convert (unit_price may be empty).
            Column amountPresent = lit(false);
            for (UsdConversion usd : spec.usdConversions()) {
                amountPresent = amountPresent.or(col(typed(usd.sourceColumn())).isNotNull());
            }
            Column fxKnowable = amountPresent.and(col(typed(spec.currencyColumn())).isNotNull())
                    .and(col(typed(spec.currencyColumn())).isin(currencies().toArray()))
                    .and(col(typed(spec.fxDateColumn())).isNotNull());
            checks.add(check(fxKnowable.and(rate.isNull()), spec.currencyColumn(), ReasonCode.NO_FX_RATE));
            for (UsdConversion usd : spec.usdConversions()) {
                checks.add(check(col(usdRaw(usd.targetColumn())).isNotNull()
                        .and(col(usd.targetColumn()).isNull()), usd.targetColumn(), ReasonCode.BAD_NUMBER));
            }
        }
        Column reasons = array_distinct(array_compact(array(checks.stream().map(c -> c[0]).toArray(Column[]::new))));
        Column details = array_compact(array(checks.stream().map(c -> c[1]).toArray(Column[]::new)));
        Column malformed = col(MALFORMED).isNotNull();
        // Only what quarantine and silver read: the batch is cached, and the cleaned values, rates and unrounded
        // amounts would nearly double what it holds.
        List<Column> out = new ArrayList<>(columns(bronze));
        for (ColumnSpec column : spec.columns()) {
            out.add(col(typed(column.name())));
        }
        for (UsdConversion usd : spec.usdConversions()) {
            out.add(col(usd.targetColumn()));
        }
        out.add(when(malformed, array(lit(ReasonCode.MALFORMED_ROW.name()))).otherwise(reasons).as(REASONS));
        out.add(when(malformed, array(concat(lit(ReasonCode.MALFORMED_ROW.name() + ": "), col(MALFORMED))))
                .otherwise(details).as(REASON_DETAILS));
        return typedRows.select(out.toArray(Column[]::new));
    }

    private static Column typedValue(ColumnSpec column) {
        Column clean = col(clean(column.name()));
        String ref = "`" + clean(column.name()) + "`";
        return switch (column.type()) {
            case STRING, CODE, COUNTRY, CURRENCY -> clean;
            case DATE -> when(clean.rlike(DATE_PATTERN), expr("try_cast(" + ref + " AS DATE)"));
            case TIMESTAMP -> when(clean.rlike(TIMESTAMP_PATTERN), isoTimestamp(clean));
            case DECIMAL -> when(clean.rlike(DECIMAL_PATTERN),
                    expr("try_cast(" + ref + " AS DECIMAL(" + column.precision() + "," + column.scale() + "))"));
            case INTEGER -> when(clean.rlike(INTEGER_PATTERN), expr("try_cast(" + ref + " AS INT)"));
        };
    }

    /**
     * ISO-8601 lets seconds and the offset's colon go (Java's own Instant.toString() writes 2015-01-01T00:00Z);
     * Spark's cast wants both, so they are put in before casting. Nothing else is rewritten.
     */
    private static Column isoTimestamp(Column clean) {
        Column withSeconds = regexp_replace(clean,
                "^([0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2})(Z|[+-][0-9]{2}:?[0-9]{2})$", "$1:00$2");
        Column withColon = regexp_replace(withSeconds, "([+-][0-9]{2})([0-9]{2})$", "$1:$2");
        // Without a format, try_to_timestamp parses as a cast does, and gives null rather than failing.
        return try_to_timestamp(withColon);
    }

    private static List<Column[]> columnChecks(ColumnSpec column) {
        Column clean = col(clean(column.name()));
        Column typed = col(typed(column.name()));
        List<Column[]> checks = new ArrayList<>();
        if (column.required()) {
            checks.add(check(clean.isNull(), column.name(), ReasonCode.MISSING_REQUIRED));
        }
        switch (column.type()) {
            case DATE -> checks.add(check(clean.isNotNull().and(typed.isNull()), column.name(), ReasonCode.BAD_DATE));
            case TIMESTAMP -> checks.add(check(clean.isNotNull().and(typed.isNull()), column.name(),
                    ReasonCode.BAD_TIMESTAMP));
            case DECIMAL, INTEGER -> checks.add(check(clean.isNotNull().and(typed.isNull()), column.name(),
                    ReasonCode.BAD_NUMBER));
            case CODE -> checks.add(check(clean.isNotNull().and(not(clean.isin(column.allowedValues().toArray()))),
                    column.name(), ReasonCode.UNKNOWN_ENUM));
            case COUNTRY -> checks.add(check(clean.isNotNull().and(not(clean.isin(countries().toArray()))),
                    column.name(), ReasonCode.BAD_COUNTRY));
            case CURRENCY -> checks.add(check(clean.isNotNull().and(not(clean.isin(currencies().toArray()))),
                    column.name(), ReasonCode.BAD_CURRENCY));
            // Codes, countries and currencies fail their own lists; free text would keep the replacement quietly.
            case STRING -> checks.add(check(clean.contains("\uFFFD"), column.name(), ReasonCode.BAD_ENCODING));
        }
        return checks;
    }

    private static Column ruleViolated(Rule rule, ReferenceData references) {
        Column typed = col(typed(rule.column()));
        if (rule instanceof Rule.Positive) {
            return typed.isNotNull().and(typed.leq(0));
        }
        if (rule instanceof Rule.MonthStart) {
            return typed.isNotNull().and(dayofmonth(typed).notEqual(1));
        }
        if (rule instanceof Rule.DateWithin within) {
            Column day = to_date(typed); // the session time zone is UTC
            Column delivered = col(Lineage.DELIVERY_DATE);
            return typed.isNotNull().and(day.lt(lit(java.sql.Date.valueOf(within.earliest())))
                    .or(delivered.isNotNull().and(day.gt(date_add(delivered, within.daysAfterDelivery())))));
        }
        if (rule instanceof Rule.IntegerIn in) {
            return typed.isNotNull().and(not(typed.isin(in.allowed().toArray())));
        }
        if (rule instanceof Rule.References r) {
            return typed.isNotNull().and(not(typed.isin(references.keys(r.referenceDataset()).toArray())));
        }
        throw new IllegalArgumentException("no check for rule " + rule);
    }

    private static Dataset<Row> joinFx(DatasetSpec spec, Dataset<Row> rows, ReferenceData references) {
        Column currency = col(typed(spec.currencyColumn()));
        Column day = col(typed(spec.fxDateColumn()));
        if (spec.column(spec.fxDateColumn()).type() == ColumnType.TIMESTAMP) {
            day = to_date(day); // the session time zone is UTC, so this is the UTC date
        }
        Dataset<Row> withDay = rows.withColumn("__fx_row_day", day);
        Dataset<Row> daily = broadcast(references.fxDaily());
        Dataset<Row> latest = broadcast(references.fxLatest());
        Dataset<Row> joined = withDay
                .join(daily, currency.equalTo(col(ReferenceData.FX_CURRENCY))
                        .and(col("__fx_row_day").equalTo(col(ReferenceData.FX_DAY))), "left")
                .join(latest, currency.equalTo(col(ReferenceData.FX_CURRENCY + "_l")), "left");
        Column rate = when(currency.equalTo("USD"), lit(1).cast("decimal(24,12)"))
                .when(col(ReferenceData.FX_RATE).isNotNull(), col(ReferenceData.FX_RATE))
                .when(col("__fx_row_day").gt(col(ReferenceData.FX_LAST_DAY)), col(ReferenceData.FX_LAST_RATE));
        List<Column> out = new ArrayList<>(columns(rows));
        out.add(rate.as(ReferenceData.FX_RATE));
        return joined.select(out.toArray(Column[]::new));
    }

    private static Column[] check(Column violated, String column, ReasonCode reason) {
        return new Column[] {
            when(violated, lit(reason.name())),
            when(violated, lit(column + ": " + reason.name()))
        };
    }

    private static List<Column> columns(Dataset<Row> rows) {
        return Arrays.stream(rows.columns()).map(c -> rows.col("`" + c + "`")).toList();
    }

    static Set<String> countries() {
        return new TreeSet<>(Arrays.asList(Locale.getISOCountries()));
    }

    static Set<String> currencies() {
        Set<String> codes = new TreeSet<>();
        for (Currency currency : Currency.getAvailableCurrencies()) {
            codes.add(currency.getCurrencyCode());
        }
        codes.removeAll(NOT_CURRENCIES);
        return codes;
    }
}
