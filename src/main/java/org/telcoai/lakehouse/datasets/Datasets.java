package org.telcoai.lakehouse.datasets;

import static org.telcoai.lakehouse.datasets.ColumnSpec.code;
import static org.telcoai.lakehouse.datasets.ColumnSpec.decimal;
import static org.telcoai.lakehouse.datasets.ColumnSpec.optional;
import static org.telcoai.lakehouse.datasets.ColumnSpec.required;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.telcoai.lakehouse.datasets.DatasetSpec.Kind;
import org.telcoai.lakehouse.datasets.DatasetSpec.Partitioning;
import org.telcoai.lakehouse.datasets.DatasetSpec.UsdConversion;

/** Every dataset of the landing contract, declared once. Order matters: references before the facts using them. */
public final class Datasets {

    public static final List<String> ASSET_CLASSES = List.of(
            "RAN", "FIBER", "CORE", "AI_DATACENTER", "AI_COMPUTE", "POWER_COOLING", "EDGE", "SPECTRUM", "IT_OTHER",
            // Totals without a breakdown, as public annual reports give them.
            "UNALLOCATED");
    public static final List<String> MARKETS = List.of("DAY_AHEAD", "INTRADAY", "RETAIL_INDUSTRIAL");
    public static final List<String> VENDORS = List.of("NVIDIA", "HUAWEI", "AMD", "INTEL", "OTHER");
    public static final List<String> OPERATOR_TYPES = List.of(
            "TELCO", "HYPERSCALER", "COLOCATION", "ENTERPRISE", "GOVERNMENT", "RESEARCH");
    /** No series this project follows starts earlier; an earlier date is a typo or a placeholder (1900-01-01). */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1990, 1, 1);
    /** 1440: daily series, such as daily average wholesale prices. */
    public static final List<Integer> INTERVAL_MINUTES = List.of(15, 30, 60, 1440);

    public static final DatasetSpec OPERATORS = new DatasetSpec("operators", Kind.REFERENCE,
            List.of(required("operator_id", ColumnType.STRING),
                    required("name", ColumnType.STRING),
                    code("operator_type", OPERATOR_TYPES),
                    required("home_country_iso", ColumnType.COUNTRY),
                    optional("parent_group", ColumnType.STRING)),
            List.of("operator_id"), List.of(), null, List.of(), null, null, List.of());

    public static final DatasetSpec FX_RATES = new DatasetSpec("fx_rates", Kind.REFERENCE,
            List.of(required("rate_date", ColumnType.DATE),
                    required("currency", ColumnType.CURRENCY),
                    decimal("usd_per_unit", 24, 12)),
            List.of("currency", "rate_date"), List.of(), null,
            List.of(new Rule.Positive("usd_per_unit")), null, null, List.of());

    public static final DatasetSpec SITES = new DatasetSpec("sites", Kind.REFERENCE,
            List.of(required("site_id", ColumnType.STRING),
                    required("operator_id", ColumnType.STRING),
                    required("country_iso", ColumnType.COUNTRY),
                    optional("zone", ColumnType.STRING),
                    decimal("it_capacity_mw", 12, 3).asOptional(),
                    decimal("pue", 6, 3).asOptional(),
                    optional("commissioned_date", ColumnType.DATE)),
            List.of("site_id"), List.of(), null,
            List.of(new Rule.References("operator_id", "operators", ReasonCode.UNKNOWN_OPERATOR)),
            null, null, List.of());

    /**
     * Accelerator products and their peak dense throughput, so reports can state capacity in H100-equivalents
     * next to units. product uses the same code as gpu_shipments.product; a shipment whose product is not listed
     * still counts its units, only not its H100-equivalents.
     */
    public static final DatasetSpec ACCELERATORS = new DatasetSpec("accelerators", Kind.REFERENCE,
            List.of(required("product", ColumnType.STRING),
                    code("vendor", VENDORS),
                    required("hardware_name", ColumnType.STRING),
                    optional("manufacturer", ColumnType.STRING),
                    optional("accelerator_type", ColumnType.STRING),
                    optional("release_date", ColumnType.DATE),
                    // Peak dense 16-bit (tensor FP16/BF16, else FP16) TFLOP/s and 8-bit (FP8, else INT8) TOP/s.
                    decimal("tflops_16bit", 16, 6).asOptional(),
                    decimal("tops_8bit", 16, 6).asOptional()),
            List.of("product"), List.of(), null, List.of(), null, null, List.of());

    public static final DatasetSpec TELCO_CAPEX = new DatasetSpec("telco_capex", Kind.FACT,
            List.of(required("record_id", ColumnType.STRING),
                    required("operator_id", ColumnType.STRING),
                    required("country_iso", ColumnType.COUNTRY),
                    required("period_date", ColumnType.DATE),
                    code("asset_class", ASSET_CLASSES),
                    decimal("amount", 22, 4),
                    required("currency", ColumnType.CURRENCY),
                    required("updated_at", ColumnType.TIMESTAMP)),
            List.of("record_id"), List.of("updated_at"),
            // A restatement may move a record to another month, so the year is not derived from the key.
            new Partitioning("period_year", "period_date", false),
            List.of(new Rule.MonthStart("period_date"),
                    new Rule.DateWithin("period_date", EARLIEST_DATE, 0),
                    new Rule.References("operator_id", "operators", ReasonCode.UNKNOWN_OPERATOR)),
            "currency", "period_date", List.of(new UsdConversion("amount", "amount_usd", 24, 4)))
            // capex_trends per operator, ai_capex_by_country per country.
            .zOrderBy("operator_id", "country_iso");

    public static final DatasetSpec ENERGY_PRICES = new DatasetSpec("energy_prices", Kind.FACT,
            List.of(required("zone", ColumnType.STRING),
                    required("country_iso", ColumnType.COUNTRY),
                    required("interval_start", ColumnType.TIMESTAMP),
                    required("interval_minutes", ColumnType.INTEGER),
                    decimal("price", 14, 4),
                    required("currency", ColumnType.CURRENCY),
                    code("market", MARKETS)),
            List.of("zone", "market", "interval_start"), List.of(),
            new Partitioning("interval_year", "interval_start", true),
            List.of(new Rule.IntegerIn("interval_minutes", INTERVAL_MINUTES, ReasonCode.BAD_INTERVAL),
                    // Day-ahead auctions sell tomorrow's hours; a day more for zones east of UTC.
                    new Rule.DateWithin("interval_start", EARLIEST_DATE, 2)),
            "currency", "interval_start", List.of(new UsdConversion("price", "price_usd_mwh", 16, 4)))
            // energy_price_monthly per zone and market; site_energy_cost reads one zone's DAY_AHEAD prices.
            .zOrderBy("zone", "market");

    public static final DatasetSpec GPU_SHIPMENTS = new DatasetSpec("gpu_shipments", Kind.FACT,
            List.of(required("shipment_id", ColumnType.STRING),
                    required("ship_date", ColumnType.DATE),
                    code("vendor", VENDORS),
                    required("product", ColumnType.STRING),
                    required("units", ColumnType.INTEGER),
                    // Empty for installation records (a cluster's chips, no invoice): revenue counts priced units only.
                    decimal("unit_price", 18, 4).asOptional(),
                    required("currency", ColumnType.CURRENCY),
                    required("buyer_id", ColumnType.STRING),
                    required("destination_country_iso", ColumnType.COUNTRY),
                    optional("site_id", ColumnType.STRING)),
            List.of("shipment_id"), List.of(),
            new Partitioning("ship_year", "ship_date", false),
            List.of(new Rule.Positive("units"),
                    new Rule.DateWithin("ship_date", EARLIEST_DATE, 0),
                    new Rule.References("buyer_id", "operators", ReasonCode.UNKNOWN_OPERATOR),
                    new Rule.References("site_id", "sites", ReasonCode.UNKNOWN_SITE)),
            "currency", "ship_date", List.of(new UsdConversion("unit_price", "unit_price_usd", 20, 4)))
            // Regional reports by destination country; buyer shares by operator.
            .zOrderBy("destination_country_iso", "buyer_id");

    /** In processing order: a dataset's references come before it. */
    public static final List<DatasetSpec> ALL = List.of(OPERATORS, FX_RATES, SITES, ACCELERATORS,
            TELCO_CAPEX, ENERGY_PRICES, GPU_SHIPMENTS);

    private static final Map<String, DatasetSpec> BY_NAME = new LinkedHashMap<>();

    static {
        ALL.forEach(d -> BY_NAME.put(d.name(), d));
    }

    private Datasets() { }

    public static Optional<DatasetSpec> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static DatasetSpec require(String name) {
        return byName(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown dataset '" + name + "'; known: " + String.join(", ", BY_NAME.keySet())));
    }

    /**
     * The reference datasets whose current rows validating {@code spec} reads (the keys its rules check against,
     * the FX rates its amounts are converted with): they must be ingested before it.
     */
    public static List<DatasetSpec> readBy(DatasetSpec spec) {
        List<DatasetSpec> read = new java.util.ArrayList<>();
        for (Rule rule : spec.rules()) {
            if (rule instanceof Rule.References references) {
                read.add(require(references.referenceDataset()));
            }
        }
        if (spec.currencyColumn() != null) {
            read.add(FX_RATES);
        }
        return read.stream().distinct().toList();
    }

    public static List<DatasetSpec> facts() {
        return ALL.stream().filter(d -> !d.isReference()).toList();
    }

    public static List<DatasetSpec> references() {
        return ALL.stream().filter(DatasetSpec::isReference).toList();
    }
}
