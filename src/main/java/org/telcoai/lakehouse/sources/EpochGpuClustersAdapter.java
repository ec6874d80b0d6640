package org.telcoai.lakehouse.sources;

import com.univocity.parsers.common.record.Record;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Epoch AI "GPU clusters" export ({@code gpu_clusters.csv}). Each cluster becomes an installation record in
 * {@code gpu_shipments} (no invoice: unit_price empty, currency USD) and a {@code sites} row; owners become
 * {@code operators} rows. Rules:
 * <ul>
 * <li>Status {@code Planned} is skipped (reason {@code planned}) unless {@code includePlanned}; {@code Existing}
 * and {@code Decommissioned} are written (a decommissioned cluster's chips were still installed on its first
 * operational date).</li>
 * <li>shipment_id = site_id = {@code EPOCH-} + slug of the name (upper-case, runs of non-alphanumerics become
 * {@code -}); a repeated name gets {@code -2}, {@code -3}, ... in file order.</li>
 * <li>ship_date = First Operational Date ({@code M/D/YYYY}) as ISO; unparsable text is passed through.</li>
 * <li>vendor from GPU Supplier (primary): NVIDIA, HUAWEI, AMD, INTEL by name, anything else OTHER.</li>
 * <li>product = Chip type (primary) without a leading vendor word (NVIDIA, AMD, Intel, Huawei, Google),
 * upper-cased, runs of non-alphanumerics become {@code _}: {@code NVIDIA H100 SXM5 80GB -> H100_SXM5_80GB},
 * {@code Huawei Ascend 910B -> ASCEND_910B}.</li>
 * <li>units = Chip quantity (primary). A cluster with a secondary chip type or quantity gets a second record,
 * {@code <id>-SECONDARY}, from the secondary supplier, chip type and quantity (same date, buyer and site).</li>
 * <li>buyer = the first listed Owner, mapped through the curated classpath
 * file {@code reference/owner-types.csv}; an owner not in it gets id {@code EPOCH-OWNER-<slug>} and an empty
 * operator_type (so validation quarantines it until it is curated).</li>
 * <li>A reference delivery replaces the whole table, so the operators and sites files hold the built-in
 * defaults ({@code reference/operators.csv}, {@code reference/sites.csv}) plus the new rows.</li>
 * </ul>
 * Missing values are written empty so validation quarantines them with a reason; nothing is guessed.
 */
public final class EpochGpuClustersAdapter implements SourceAdapter {

    public static final String NAME = "epoch-gpu-clusters";
    static final String FILE = "gpu_clusters";
    /** A cluster's second chip type is a second installation record at the same site. */
    static final String SECONDARY_SUFFIX = "-SECONDARY";
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu");
    private static final Set<String> VENDOR_WORDS = Set.of("NVIDIA", "AMD", "INTEL", "HUAWEI", "GOOGLE");
    private static final Map<String, String> COUNTRY_ALIASES = Map.ofEntries(
            Map.entry("united states of america", "US"), Map.entry("usa", "US"),
            Map.entry("united kingdom of great britain and northern ireland", "GB"),
            Map.entry("united kingdom", "GB"), Map.entry("korea (republic of)", "KR"),
            Map.entry("south korea", "KR"), Map.entry("russia", "RU"), Map.entry("taiwan", "TW"),
            Map.entry("hong kong", "HK"), Map.entry("czechia", "CZ"), Map.entry("vietnam", "VN"),
            Map.entry("philippines (the)", "PH"), Map.entry("netherlands (the)", "NL"),
            Map.entry("united arab emirates", "AE"), Map.entry("iran", "IR"), Map.entry("turkey", "TR"));
    private static final Map<String, String> COUNTRY_NAMES = countryNames();

    private final boolean includePlanned;

    public EpochGpuClustersAdapter() {
        this(false);
    }

    /** {@code includePlanned}: also write planned clusters ({@code import --include-planned}). */
    public EpochGpuClustersAdapter(boolean includePlanned) {
        this.includePlanned = includePlanned;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Epoch AI GPU clusters (gpu_clusters.csv): installations, sites and owners";
    }

    private record Owner(String operatorId, String operatorType, String homeCountryIso) { }

    @Override
    public ImportResult convert(Path input, LandingWriter out) throws IOException {
        Path file = Files.isDirectory(input) ? input.resolve("gpu_clusters.csv") : input;
        Map<String, Owner> curated = new HashMap<>();
        SourceCsv.readClasspath("reference/owner-types.csv", r -> curated.put(key(r.getString("owner_name")),
                new Owner(r.getString("operator_id"), r.getString("operator_type"), r.getString("home_country_iso"))));
        List<List<String>> operators = new ArrayList<>();
        Set<String> operatorIds = new java.util.HashSet<>();
        SourceCsv.readClasspath("reference/operators.csv", r -> {
            operators.add(SourceCsv.datasetRow(r, "operators"));
            operatorIds.add(r.getString("operator_id"));
        });
        List<List<String>> sites = new ArrayList<>();
        Set<String> siteIds = new java.util.HashSet<>();
        SourceCsv.readClasspath("reference/sites.csv", r -> {
            sites.add(SourceCsv.datasetRow(r, "sites"));
            siteIds.add(r.getString("site_id"));
        });

        long read = 0;
        Map<String, Long> skipped = new LinkedHashMap<>();
        Map<String, Integer> seenIds = new HashMap<>();
        CsvParserSettings settings = new CsvParserSettings();
        settings.setHeaderExtractionEnabled(true);
        settings.setMaxCharsPerColumn(-1);
        settings.setLineSeparatorDetectionEnabled(true);
        settings.trimValues(false);
        CsvParser parser = new CsvParser(settings);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            parser.beginParsing(reader);
            Record r;
            while ((r = parser.parseNextRecord()) != null) {
                read++;
                String status = text(r, "Status");
                if (status.equalsIgnoreCase("Planned") && !includePlanned) {
                    skipped.merge("planned", 1L, Long::sum);
                    continue;
                }
                String name = text(r, "Name");
                if (name.isEmpty()) {
                    skipped.merge("no name", 1L, Long::sum);
                    continue;
                }
                String id = "EPOCH-" + slug(name, "-");
                int n = seenIds.merge(id, 1, Integer::sum);
                if (n > 1) {
                    id = id + "-" + n;
                }
                // Never clash with a built-in site id.
                while (siteIds.contains(id)) {
                    id = id + "-E";
                }
                siteIds.add(id);

                String buyer = "";
                String ownerText = text(r, "Owner");
                if (!ownerText.isEmpty()) {
                    String first = ownerText.split(",")[0].trim();
                    Owner owner = curated.get(key(first));
                    if (owner == null) {
                        owner = new Owner("EPOCH-OWNER-" + slug(first, "-"), "", "");
                    }
                    buyer = owner.operatorId();
                    if (operatorIds.add(buyer)) {
                        operators.add(List.of(buyer, first, owner.operatorType(), owner.homeCountryIso(), ""));
                    }
                }
                String country = country(text(r, "Country"));
                String date = date(text(r, "First Operational Date"));
                out.write("gpu_shipments", FILE, List.of(id, date, vendor(text(r, "GPU Supplier (primary)")),
                        product(text(r, "Chip type (primary)")), integer(text(r, "Chip quantity (primary)")), "",
                        "USD", buyer, country, id));
                String secondaryChip = text(r, "Chip type (secondary)");
                String secondaryUnits = text(r, "Chip quantity (secondary)");
                if (!secondaryChip.isEmpty() || !secondaryUnits.isEmpty()) {
                    out.write("gpu_shipments", FILE, List.of(id + SECONDARY_SUFFIX, date,
                            vendor(text(r, "GPU supplier (secondary)")), product(secondaryChip),
                            integer(secondaryUnits), "", "USD", buyer, country, id));
                }
                sites.add(List.of(id, buyer, country, "", megawatts(text(r, "Power Capacity (MW)")), "", date));
            }
        } finally {
            parser.stopParsing();
        }
        for (List<String> row : operators) {
            out.write("operators", FILE, row);
        }
        for (List<String> row : sites) {
            out.write("sites", FILE, row);
        }
        return new ImportResult(read, out.rowsWritten(), skipped);
    }

    private static String text(Record r, String column) {
        String v = r.getString(column);
        return v == null ? "" : v.trim();
    }

    private static String key(String owner) {
        return owner == null ? "" : owner.trim().toLowerCase(Locale.ROOT);
    }

    static String slug(String text, String separator) {
        String s = text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", separator);
        return s.replaceAll("^" + java.util.regex.Pattern.quote(separator) + "+|"
                + java.util.regex.Pattern.quote(separator) + "+$", "");
    }

    static String vendor(String supplier) {
        String s = supplier.toUpperCase(Locale.ROOT);
        for (String v : List.of("NVIDIA", "HUAWEI", "AMD", "INTEL")) {
            if (s.matches(".*\\b" + v + "\\b.*")) {
                return v;
            }
        }
        return "OTHER";
    }

    static String product(String chipType) {
        String[] words = chipType.trim().split("\\s+", 2);
        String rest = words.length == 2 && VENDOR_WORDS.contains(words[0].toUpperCase(Locale.ROOT))
                ? words[1] : chipType;
        return slug(rest, "_");
    }

    static String date(String usDate) {
        if (usDate.isEmpty()) {
            return "";
        }
        try {
            return LocalDate.parse(usDate, US_DATE).toString();
        } catch (DateTimeParseException e) {
            return usDate;
        }
    }

    static String country(String name) {
        if (name.isEmpty()) {
            return "";
        }
        String k = name.toLowerCase(Locale.ROOT);
        String iso = COUNTRY_ALIASES.get(k);
        if (iso == null) {
            iso = COUNTRY_NAMES.get(k);
        }
        return iso == null ? name : iso;
    }

    /** Plain integers ("10000", "10000.0", "1E+4") become digits; anything else passes through. */
    static String integer(String value) {
        if (value.isEmpty()) {
            return "";
        }
        try {
            return new BigDecimal(value.replace(",", "")).toBigIntegerExact().toString();
        } catch (ArithmeticException | NumberFormatException e) {
            return value;
        }
    }

    /** Megawatts rounded to the column's 3 decimals; unparsable text passes through. */
    static String megawatts(String value) {
        if (value.isEmpty()) {
            return "";
        }
        try {
            BigDecimal mw = new BigDecimal(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
            return mw.toPlainString();
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static Map<String, String> countryNames() {
        Map<String, String> names = new HashMap<>();
        for (String iso : Locale.getISOCountries()) {
            names.put(new Locale("", iso).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), iso);
        }
        return Map.copyOf(names);
    }
}
