package org.telcoai.lakehouse.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataGeneratorTest {

    @TempDir
    static Path tmp;
    static DemoOptions options;
    static DemoSummary summary;
    static Map<String, List<Map<String, String>>> valid = new TreeMap<>();
    static Map<String, Long> invalid = new TreeMap<>();
    static Map<String, Long> lines = new TreeMap<>();
    static Reference ref;

    static final Map<String, String[]> COLUMNS = Map.of(
            "telco_capex", DemoDataGenerator.CAPEX_COLUMNS,
            "energy_prices", DemoDataGenerator.ENERGY_COLUMNS,
            "gpu_shipments", DemoDataGenerator.SHIPMENT_COLUMNS);

    @BeforeAll
    static void generate() throws IOException {
        options = DemoOptions.defaults(tmp.resolve("a"));
        summary = new DemoDataGenerator(options).generate();
        ref = Reference.load();
        for (String ds : COLUMNS.keySet()) {
            valid.put(ds, new ArrayList<>());
            invalid.put(ds, 0L);
            lines.put(ds, 0L);
        }
        try (Stream<Path> s = Files.walk(options.landingDir())) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                parse(p);
            }
        }
    }

    /** Parses one landing file strictly by the contract; rows that break it are counted, not kept. */
    static void parse(Path p) throws IOException {
        Path rel = options.landingDir().relativize(p);
        String ds = rel.getName(0).toString();
        LocalDate.parse(rel.getName(1).toString()); // delivery folder is a date
        String[] cols = COLUMNS.get(ds);
        String name = p.getFileName().toString();
        boolean json = name.endsWith(".jsonl") || name.endsWith(".jsonl.gz");
        assertTrue(name.matches(".*\\.(csv|csv\\.gz|jsonl|jsonl\\.gz)"), name);
        InputStream in = Files.newInputStream(p);
        if (name.endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            if (!json) {
                assertEquals(String.join(",", cols), r.readLine(), "header of " + rel);
            }
            String line;
            while ((line = r.readLine()) != null) {
                lines.merge(ds, 1L, Long::sum);
                Map<String, String> row = json ? jsonRow(line, cols) : csvRow(line, cols);
                if (row != null && isValid(ds, row)) {
                    valid.get(ds).add(row);
                } else {
                    invalid.merge(ds, 1L, Long::sum);
                }
            }
        }
    }

    static Map<String, String> csvRow(String line, String[] cols) {
        String[] f = Reference.parseCsvLine(line);
        if (f.length != cols.length) {
            return null;
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < cols.length; i++) {
            m.put(cols[i], f[i].isEmpty() ? null : f[i]);
        }
        return m;
    }

    static Map<String, String> jsonRow(String line, String[] cols) {
        Map<String, String> n;
        try {
            n = FlatJson.parse(line);
        } catch (RuntimeException e) {
            return null; // e.g. a line cut off mid-write
        }
        assertTrue(new TreeSet<>(Arrays.asList(cols)).containsAll(n.keySet()), "unexpected keys " + n.keySet());
        if (!n.keySet().equals(new TreeSet<>(Arrays.asList(cols)))) {
            return null;
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : cols) {
            String v = n.get(c);
            m.put(c, v == null || v.isEmpty() ? null : v);
        }
        return m;
    }

    static final Set<String> ASSET = Set.of("RAN", "FIBER", "CORE", "AI_DATACENTER", "AI_COMPUTE", "POWER_COOLING",
            "EDGE", "SPECTRUM", "IT_OTHER");
    static final Set<String> VENDORS = Set.of("NVIDIA", "HUAWEI", "AMD", "INTEL", "OTHER");
    static final Set<String> MARKETS = Set.of("DAY_AHEAD", "INTRADAY", "RETAIL_INDUSTRIAL");

    static boolean isValid(String ds, Map<String, String> r) {
        try {
            for (Map.Entry<String, String> e : r.entrySet()) {
                if (e.getValue() == null && !e.getKey().equals("site_id")) {
                    return false;
                }
            }
            if (!currencyKnown(r.get("currency"))) {
                return false;
            }
            switch (ds) {
                case "telco_capex" -> {
                    new java.math.BigDecimal(r.get("amount"));
                    OffsetDateTime.parse(r.get("updated_at"));
                    return LocalDate.parse(r.get("period_date")).getDayOfMonth() == 1
                            && ASSET.contains(r.get("asset_class"))
                            && ref.operatorById.containsKey(r.get("operator_id"));
                }
                case "energy_prices" -> {
                    new java.math.BigDecimal(r.get("price"));
                    OffsetDateTime.parse(r.get("interval_start"));
                    int m = Integer.parseInt(r.get("interval_minutes"));
                    return (m == 15 || m == 30 || m == 60) && MARKETS.contains(r.get("market"));
                }
                default -> {
                    LocalDate.parse(r.get("ship_date"));
                    new java.math.BigDecimal(r.get("unit_price"));
                    String site = r.get("site_id");
                    return Integer.parseInt(r.get("units")) > 0 && VENDORS.contains(r.get("vendor"))
                            && ref.operatorById.containsKey(r.get("buyer_id"))
                            && (site == null || ref.sites.stream().anyMatch(s -> s.id().equals(site)));
                }
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            return false;
        }
    }

    static boolean currencyKnown(String c) {
        return "USD".equals(c) || ref.fx.containsKey(c);
    }

    @Test
    void rowCountsAndBadRowsMatchSummary() {
        assertEquals(summary.rowsPerDataset(), lines);
        // The independent validator above finds exactly the defects the generator says it wrote.
        assertEquals(summary.badRowsPerDataset(), invalid);
        long total = lines.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(total > 100_000 && total < 300_000, "default size " + total);
        assertTrue(summary.files() >= 3 * (1 + options.dailyDeliveries()));
    }

    @Test
    void badRowFractionIsHonoured() {
        long total = lines.values().stream().mapToLong(Long::longValue).sum();
        long bad = invalid.values().stream().mapToLong(Long::longValue).sum();
        // Each row is defective with probability f independently: at ~240k rows and f=0.002 the count is ~480 with a
        // standard deviation of ~22, so +-30% is more than 6 sigma for any seed. (Exact duplicates add ~0.1% rows.)
        double f = (double) bad / total;
        assertTrue(Math.abs(f - options.badRowFraction()) < 0.3 * options.badRowFraction(), "fraction " + f);
        for (String ds : COLUMNS.keySet()) {
            assertTrue(invalid.get(ds) > 0, "no defects in " + ds);
        }
    }

    @Test
    void sameOptionsGiveIdenticalFilesAndOtherSeedDiffers() throws Exception {
        Path b = tmp.resolve("b");
        new DemoDataGenerator(new DemoOptions(b, options.scale(), options.historyYears(), options.seed(),
                options.badRowFraction(), options.endDate(), options.dailyDeliveries())).generate();
        assertEquals(checksums(options.landingDir()), checksums(b));
        Path c = tmp.resolve("c");
        new DemoDataGenerator(new DemoOptions(c, options.scale(), options.historyYears(), 7L,
                options.badRowFraction(), options.endDate(), options.dailyDeliveries())).generate();
        Map<String, String> sc = checksums(c);
        assertEquals(checksums(options.landingDir()).keySet(), sc.keySet());
        assertNotEquals(checksums(options.landingDir()), sc);
    }

    @Test
    void refusesToOverwrite() {
        IOException e = assertThrows(IOException.class, () -> new DemoDataGenerator(options).generate());
        assertTrue(e.getMessage().contains("overwrite"), e.getMessage());
    }

    static Map<String, String> checksums(Path root) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                byte[] h = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                m.put(root.relativize(p).toString(), HexFormat.of().formatHex(h));
            }
        }
        return m;
    }

    @Test
    void referencesResolve() {
        Set<String> types = Set.of("TELCO", "HYPERSCALER", "COLOCATION", "ENTERPRISE", "GOVERNMENT");
        ref.operators.forEach(o -> assertTrue(types.contains(o.type()), o.toString()));
        assertTrue(ref.operators.size() >= 40 && ref.operators.size() <= 60);
        ref.sites.forEach(s -> assertTrue(ref.operatorById.containsKey(s.operatorId()), s.toString()));
        assertTrue(ref.operatorById.get("TESLA").name().equals("Tesla, Inc."));
        Set<String> zones = new TreeSet<>();
        EnergyModel.catalogue().forEach(s -> zones.add(s.zone()));
        ref.sites.forEach(s -> assertTrue(zones.contains(s.zone()), "site zone without prices: " + s));
        // FX covers every month of the range for each currency.
        ref.fx.forEach((c, m) -> assertEquals(156, m.size(), c));
        for (Map.Entry<String, List<Map<String, String>>> e : valid.entrySet()) {
            for (Map<String, String> r : e.getValue()) {
                assertTrue(currencyKnown(r.get("currency")), r.toString());
            }
        }
        CapexModel.PROFILES.keySet().forEach(id -> assertEquals("TELCO", ref.operatorById.get(id).type(), id));
        assertTrue(valid.get("gpu_shipments").stream().anyMatch(r -> r.get("site_id") != null));
        // Sites are only used for their own operator.
        for (Map<String, String> r : valid.get("gpu_shipments")) {
            if (r.get("site_id") != null) {
                Reference.Site s = ref.sites.stream().filter(x -> x.id().equals(r.get("site_id"))).findFirst().get();
                assertEquals(s.operatorId(), r.get("buyer_id"));
                assertEquals(s.country(), r.get("destination_country_iso"));
            }
        }
    }

    @Test
    void shipmentShape() {
        Map<String, Long> all = new TreeMap<>();
        Map<String, Long> cn = new TreeMap<>();
        for (Map<String, String> r : valid.get("gpu_shipments")) {
            long u = Long.parseLong(r.get("units"));
            all.merge(r.get("vendor"), u, Long::sum);
            if ("CN".equals(r.get("destination_country_iso")) && r.get("ship_date").compareTo("2024-01-01") >= 0) {
                cn.merge(r.get("vendor"), u, Long::sum);
            }
        }
        assertEquals("NVIDIA", argmax(all), all.toString());
        assertEquals("HUAWEI", argmax(cn), cn.toString());
    }

    static String argmax(Map<String, Long> m) {
        return m.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    @Test
    void telcoAiCapexShareRises() throws IOException {
        // Defaults start mid-2022; a small extra run with 6 years covers 2021 in full.
        DemoOptions six = new DemoOptions(tmp.resolve("six"), 0.005, 6, 42L, 0.0, options.endDate(), 1);
        new DemoDataGenerator(six).generate();
        Map<String, String[]> byId = new TreeMap<>(); // record_id -> latest version (restatements replace)
        try (Stream<Path> s = Files.walk(six.landingDir().resolve("telco_capex"))) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString();
                InputStream in = Files.newInputStream(p);
                if (name.endsWith(".gz")) {
                    in = new GZIPInputStream(in);
                }
                boolean json = name.contains(".jsonl");
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    if (!json) {
                        r.readLine();
                    }
                    String line;
                    while ((line = r.readLine()) != null) {
                        Map<String, String> row = json ? jsonRow(line, DemoDataGenerator.CAPEX_COLUMNS)
                                : csvRow(line, DemoDataGenerator.CAPEX_COLUMNS);
                        String[] prev = byId.get(row.get("record_id"));
                        if (prev == null || OffsetDateTime.parse(prev[2])
                                .isBefore(OffsetDateTime.parse(row.get("updated_at")))) {
                            byId.put(row.get("record_id"), new String[]{row.get("period_date"),
                                    row.get("asset_class"), row.get("updated_at"), row.get("amount"),
                                    row.get("currency")});
                        }
                    }
                }
            }
        }
        double[] ai = new double[2];
        double[] tot = new double[2];
        for (String[] v : byId.values()) {
            int y = Integer.parseInt(v[0].substring(0, 4));
            int i = y == 2021 ? 0 : y == 2025 ? 1 : -1;
            if (i < 0) {
                continue;
            }
            double usd = Double.parseDouble(v[3]) * ref.usdPerUnit(v[4], LocalDate.parse(v[0]));
            tot[i] += usd;
            if (Set.of("AI_DATACENTER", "AI_COMPUTE", "POWER_COOLING").contains(v[1])) {
                ai[i] += usd;
            }
        }
        assertTrue(tot[0] > 0 && tot[1] > 0);
        assertTrue(ai[1] / tot[1] > 2 * ai[0] / tot[0], Arrays.toString(ai) + Arrays.toString(tot));
    }

    @Test
    void euZonesMoveTo15MinutesOn20251001() {
        Set<String> eu = Set.of("DE-LU", "FR", "NL", "BE", "AT", "ES", "PT", "IT-NORD", "DK1", "DK2", "PL", "SE3",
                "NO1", "FI");
        long before = 0;
        long after = 0;
        for (Map<String, String> r : valid.get("energy_prices")) {
            if (!eu.contains(r.get("zone")) || !r.get("market").equals("DAY_AHEAD")) {
                continue;
            }
            OffsetDateTime t = OffsetDateTime.parse(r.get("interval_start"));
            // The switch is by delivery day in CET: 2025-10-01T00:00+02:00 is 2025-09-30T22:00Z.
            boolean late = !t.isBefore(OffsetDateTime.parse("2025-10-01T00:00:00+02:00"));
            assertEquals(late ? "15" : "60", r.get("interval_minutes"), r.toString());
            if (late) {
                after++;
            } else {
                before++;
            }
        }
        assertTrue(before > 0 && after > 0);
    }
}
