package org.telcoai.lakehouse.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telcoai.lakehouse.demo.EnergyModel.Series;
import org.telcoai.lakehouse.demo.Reference.Operator;
import org.telcoai.lakehouse.demo.Reference.Site;
import org.telcoai.lakehouse.demo.ShipmentModel.Product;
import org.telcoai.lakehouse.demo.ShipmentModel.Shipment;

/**
 * Writes a seeded, reproducible demo landing zone: one history delivery (dated endDate - dailyDeliveries) and
 * {@code dailyDeliveries} daily deliveries up to endDate, for telco_capex, energy_prices and gpu_shipments.
 */
public final class DemoDataGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataGenerator.class);

    public static final String CAPEX = "telco_capex";
    public static final String ENERGY = "energy_prices";
    public static final String SHIPMENTS = "gpu_shipments";

    static final String[] CAPEX_COLUMNS = {"record_id", "operator_id", "country_iso", "period_date", "asset_class",
            "amount", "currency", "updated_at"};
    static final String[] ENERGY_COLUMNS = {"zone", "country_iso", "interval_start", "interval_minutes", "price",
            "currency", "market"};
    static final String[] SHIPMENT_COLUMNS = {"shipment_id", "ship_date", "vendor", "product", "units", "unit_price",
            "currency", "buyer_id", "destination_country_iso", "site_id"};

    /** Rows of energy prices at scale 1 over 4 years of history: most of the ~10 million rows. */
    private static final double ENERGY_ROWS_PER_SCALE = 9_300_000;
    /** GPU shipments per day at scale 1 in 2024 (grown/shrunk by year). */
    private static final double SHIPMENTS_PER_DAY = 165;
    /** Capex line items per (operator, month, asset class) at scale 1. */
    private static final int CAPEX_ITEMS_PER_CELL = 50;

    private final DemoOptions o;
    private int files;

    public DemoDataGenerator(DemoOptions options) {
        this.o = options;
    }

    public DemoSummary generate() throws IOException {
        Reference ref = Reference.load();
        Files.createDirectories(o.landingDir());
        files = 0;
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Long> bad = new LinkedHashMap<>();
        keys.clear();
        resent.clear();
        LOG.info("Generating demo landing zone in {}: scale {}, {} years of history to {}, {} daily deliveries to {}, "
                        + "seed {}, bad-row fraction {}", o.landingDir(), o.scale(), o.historyYears(),
                o.historyDeliveryDate(), o.dailyDeliveries(), o.endDate(), o.seed(), o.badRowFraction());
        long t0 = System.nanoTime();
        Defects d = energy();
        record(rows, bad, ENERGY, d, t0);
        t0 = System.nanoTime();
        d = shipments(ref);
        record(rows, bad, SHIPMENTS, d, t0);
        t0 = System.nanoTime();
        d = capex(ref);
        record(rows, bad, CAPEX, d, t0);
        LOG.info("Demo landing zone complete: {} files, rows {}, defective rows {}", files, rows, bad);
        return new DemoSummary(rows, bad, keys, resent, files);
    }

    private long written;
    private final Map<String, Long> keys = new LinkedHashMap<>();
    private final Map<String, Long> resent = new LinkedHashMap<>();

    private void record(Map<String, Long> rows, Map<String, Long> bad, String ds, Defects d, long t0) {
        rows.put(ds, written);
        bad.put(ds, d.bad());
        keys.put(ds, d.validKeys());
        resent.put(ds, d.keysResentLater());
        LOG.info("{}: {} rows ({} defective, {} exact duplicates) in {} ms", ds, written, d.bad(), d.duplicates(),
                (System.nanoTime() - t0) / 1_000_000);
        written = 0;
    }

    private RowSink open(String dataset, LocalDate delivery, String name, String[] cols, boolean[] numeric)
            throws IOException {
        Path p = o.landingDir().resolve(dataset).resolve(Fmt.date(delivery)).resolve(name);
        files++;
        LOG.debug("Writing {}", p);
        return new RowSink(p, delivery, cols, numeric);
    }

    private void close(RowSink s) throws IOException {
        s.close();
        written += s.rows();
    }

    private long seedFor(long salt) {
        return EnergyModel.mix(o.seed(), salt, 0x7E1C0L);
    }

    /** History file of year index {@code i} of {@code n}: gzip CSV, one of them gzip JSON Lines. */
    private static String historyExt(int i, int n) {
        return i == Math.min(1, n - 1) ? ".jsonl.gz" : ".csv.gz";
    }

    /** Daily files rotate plain CSV, gzip CSV and JSON Lines; datasets are offset so each day mixes formats. */
    private static String dailyExt(int k) {
        return switch (Math.floorMod(k, 3)) {
            case 0 -> ".csv";
            case 1 -> ".csv.gz";
            default -> ".jsonl";
        };
    }

    private List<LocalDate> dailyDates() {
        List<LocalDate> l = new ArrayList<>();
        for (int k = 1; k <= o.dailyDeliveries(); k++) {
            l.add(o.historyDeliveryDate().plusDays(k));
        }
        return l;
    }

    // ---------------------------------------------------------------- energy prices

    private List<Series> energySeries() {
        double target = o.scale() * ENERGY_ROWS_PER_SCALE;
        List<Series> cat = EnergyModel.catalogue();
        List<Series> out = new ArrayList<>();
        double est = 0;
        int node = 0;
        while (out.size() < 5 || est < target) {
            Series s = out.size() < cat.size() ? cat.get(out.size()) : EnergyModel.node(out.size(), node++);
            out.add(s);
            double perYear = 8766.0 * 60 / s.baseMinutes();
            // 4-year estimate; SDAC zones spend the last 9 of those months at 15 minutes.
            est += s.sdac() ? perYear * 3.25 + 8766.0 * 4 * 0.75 : perYear * 4;
        }
        return out;
    }

    private Defects energy() throws IOException {
        EnergyModel model = new EnergyModel(o.seed());
        List<Series> series = energySeries();
        LOG.info("{}: {} price series ({} nodal)", ENERGY, series.size(),
                Math.max(0, series.size() - EnergyModel.catalogue().size()));
        Defects defects = new Defects(new Defects.Spec(new int[]{0, 1, 2, 3, 4, 5, 6}, new int[]{4}, new int[]{3},
                new int[0], new int[]{2}, new int[]{6, 3},
                new String[][]{{"DAYAHEAD", "SPOT", "day_ahead"}, {"45", "5", "90"}}, new int[0], new String[0], 5, -1),
                o.badRowFraction(), seedFor(1));
        boolean[] numeric = {false, false, false, true, true, false, false};
        LocalDate h = o.historyDeliveryDate();
        LocalDate start = o.historyStart();
        int y0 = start.getYear();
        int n = h.getYear() - y0 + 1;
        for (int i = 0; i < n; i++) {
            int y = y0 + i;
            String ext = historyExt(i, n);
            RowSink sink = open(ENERGY, h, ENERGY + "_" + y + ext, ENERGY_COLUMNS, numeric);
            // Every other history year carries local offsets instead of Z, so both forms occur in history.
            boolean local = i % 2 == 1;
            LocalDate from = max(start, LocalDate.of(y, 1, 1));
            LocalDate to = min(h, LocalDate.of(y, 12, 31));
            for (Series s : series) {
                for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                    writeDay(sink, defects, model, s, day, local);
                }
            }
            close(sink);
        }
        SplittableRandom r = new SplittableRandom(seedFor(11));
        int k = 0;
        for (LocalDate day : dailyDates()) {
            k++;
            boolean local = k % 2 == 0;
            RowSink sink = open(ENERGY, day, ENERGY + "_" + Fmt.date(day) + dailyExt(k), ENERGY_COLUMNS, numeric);
            for (Series s : series) {
                writeDay(sink, defects, model, s, day, local);
            }
            // Corrections: a few intervals of the previous day re-sent with another price (same key, later delivery).
            for (int c = 0; c < 3; c++) {
                Series s = series.get(r.nextInt(series.size()));
                LocalDate prev = day.minusDays(1);
                int minutes = s.minutesOn(prev);
                long dayStart = prev.atStartOfDay(s.tz()).toEpochSecond();
                int first = r.nextInt(Math.max(1, 20 * 60 / minutes));
                for (int j = first; j < first + 4; j++) {
                    long t = dayStart + j * 60L * minutes;
                    double p = model.price(s, prev, j * minutes / 60.0, t);
                    double corrected = p * (1 + (r.nextDouble() - 0.5) * 0.2) + (r.nextBoolean() ? 1.5 : -1.5);
                    defects.emit(sink, energyRow(s, t, minutes, corrected, local), energyKey(s, t));
                }
            }
            close(sink);
        }
        return defects;
    }

    private void writeDay(RowSink sink, Defects defects, EnergyModel model, Series s, LocalDate day, boolean local)
            throws IOException {
        int minutes = s.minutesOn(day);
        long from = day.atStartOfDay(s.tz()).toEpochSecond();
        long to = day.plusDays(1).atStartOfDay(s.tz()).toEpochSecond();
        long step = 60L * minutes;
        for (long t = from; t < to; t += step) {
            double hour = (t - from) / 3600.0;
            defects.emit(sink, energyRow(s, t, minutes, model.price(s, day, hour, t), local), energyKey(s, t));
        }
    }

    /** The key of a price (zone, market, interval start) whatever offset its text is written in. */
    private static String energyKey(Series s, long t) {
        return s.zone() + '|' + s.market() + '|' + t;
    }

    private static String[] energyRow(Series s, long t, int minutes, double price, boolean local) {
        return new String[]{s.zone(), s.country(), local ? Fmt.local(t, s.rules()) : Fmt.utc(t),
                minutes == 60 ? "60" : minutes == 30 ? "30" : "15", Fmt.dec2(price), s.currency(), s.market()};
    }

    // ---------------------------------------------------------------- GPU shipments

    /** Relative shipment volume by year, 2014..2026 (2024 = 1): the AI build-out since ChatGPT. */
    private static final double[] SHIPMENT_GROWTH = {0.06, 0.08, 0.11, 0.15, 0.2, 0.24, 0.3, 0.38, 0.45, 0.7, 1.0, 1.3, 1.5};

    private static final Map<String, double[]> TYPE_WEIGHT = new TreeMap<>(Map.of(
            // 2014..2026: telcos and GPU clouds rise from 2023 (sovereign AI, GPU-as-a-service).
            "HYPERSCALER", new double[]{0.7, 0.7, 0.7, 0.7, 0.7, 0.68, 0.66, 0.64, 0.62, 0.55, 0.52, 0.50, 0.48},
            "COLOCATION", new double[]{0.08, 0.08, 0.08, 0.08, 0.09, 0.1, 0.1, 0.11, 0.12, 0.16, 0.17, 0.17, 0.17},
            "TELCO", new double[]{0.03, 0.03, 0.03, 0.03, 0.03, 0.03, 0.04, 0.04, 0.05, 0.09, 0.12, 0.14, 0.16},
            "ENTERPRISE", new double[]{0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.06, 0.08, 0.1, 0.11, 0.11},
            "GOVERNMENT", new double[]{0.14, 0.14, 0.14, 0.14, 0.13, 0.14, 0.15, 0.16, 0.15, 0.12, 0.09, 0.08, 0.08}));

    /** Relative size within the buyer type, and since when the buyer buys GPUs at scale. */
    private static double buyerWeight(String id) {
        return switch (id) {
            case "MSFT" -> 1.0;
            case "META" -> 0.9;
            case "AWS" -> 0.7;
            case "GOOGLE" -> 0.5;
            case "ORACLE" -> 0.45;
            case "ALIBABA", "BYTEDANCE" -> 0.5;
            case "TENCENT" -> 0.45;
            case "BAIDU" -> 0.3;
            case "COREWEAVE" -> 1.0;
            case "EQUINIX", "DLR" -> 0.4;
            case "XAI" -> 1.0;
            case "OPENAI" -> 0.6;
            case "TESLA" -> 0.5;
            case "SKT", "SOFTBANK", "CMCC", "CHINA_TELECOM" -> 1.0;
            case "KT", "DTAG", "JIO", "SINGTEL", "CHINA_UNICOM" -> 0.7;
            default -> 0.3;
        };
    }

    private static LocalDate buyerSince(String id) {
        return switch (id) {
            case "XAI" -> LocalDate.of(2023, 7, 1);
            case "OPENAI" -> LocalDate.of(2024, 6, 1);
            case "COREWEAVE" -> LocalDate.of(2019, 1, 1);
            case "NEBIUS" -> LocalDate.of(2023, 1, 1);
            default -> LocalDate.of(2014, 1, 1);
        };
    }

    private static final String[] SPREAD = {"IE", "NL", "GB", "DE", "SE", "FI", "JP", "SG", "IN", "AU", "KR", "FR"};

    private Defects shipments(Reference ref) throws IOException {
        List<Shipment> all = buildShipments(ref);
        Defects defects = new Defects(new Defects.Spec(new int[]{0, 1, 2, 3, 4, 5, 6, 7, 8}, new int[]{5},
                new int[]{4}, new int[]{1}, new int[0], new int[]{2},
                new String[][]{{"NVIDEA", "Nvidia Corp", "HUWAEI"}}, new int[]{7},
                new String[]{"SKTT", "DT_AG", "msft", "CHINAMOBILE", "UNKNOWN"}, 6, 4), o.badRowFraction(),
                seedFor(2));
        boolean[] numeric = {false, false, false, false, true, true, false, false, false, false};
        LocalDate h = o.historyDeliveryDate();
        int y0 = o.historyStart().getYear();
        int n = h.getYear() - y0 + 1;
        for (int i = 0; i < n; i++) {
            int y = y0 + i;
            RowSink sink = open(SHIPMENTS, h, SHIPMENTS + "_" + y + historyExt(i, n), SHIPMENT_COLUMNS, numeric);
            for (Shipment s : all) {
                if (s.date().getYear() == y && !s.date().isAfter(h)) {
                    defects.emit(sink, s.row(), s.id());
                }
            }
            close(sink);
        }
        SplittableRandom r = new SplittableRandom(seedFor(21));
        int k = 0;
        for (LocalDate day : dailyDates()) {
            k++;
            RowSink sink = open(SHIPMENTS, day, SHIPMENTS + "_" + Fmt.date(day) + dailyExt(k + 1), SHIPMENT_COLUMNS,
                    numeric);
            List<Shipment> recent = new ArrayList<>();
            for (Shipment s : all) {
                if (s.date().equals(day)) {
                    defects.emit(sink, s.row(), s.id());
                } else if (s.date().isBefore(day) && s.date().isAfter(day.minusDays(90))) {
                    recent.add(s);
                }
            }
            // Corrections of recent shipments: price renegotiated or the count fixed after receipt.
            int corrections = Math.min(recent.size(), Math.max(1, recent.size() / 400));
            for (int c = 0; c < corrections; c++) {
                Shipment s = recent.get(r.nextInt(recent.size()));
                double price = Double.parseDouble(s.unitPrice()) * (0.95 + 0.1 * r.nextDouble());
                int units = r.nextInt(4) == 0 && s.units() >= 8 ? s.units() - 4 : s.units();
                defects.emit(sink, new Shipment(s.id(), s.date(), s.vendor(), s.product(), units, Fmt.dec2(price),
                        s.currency(), s.buyer(), s.country(), s.site()).row(), s.id());
            }
            close(sink);
        }
        return defects;
    }

    private List<Shipment> buildShipments(Reference ref) {
        SplittableRandom r = new SplittableRandom(seedFor(20));
        List<Operator> buyers = ref.operators;
        Map<String, List<Site>> sitesByOp = new TreeMap<>();
        for (Site s : ref.sites) {
            sitesByOp.computeIfAbsent(s.operatorId(), k -> new ArrayList<>()).add(s);
        }
        List<Shipment> out = new ArrayList<>();
        int year = -1;
        int seq = 0;
        double[] w = new double[buyers.size()];
        for (LocalDate day = o.historyStart(); !day.isAfter(o.endDate()); day = day.plusDays(1)) {
            int yi = Math.max(0, Math.min(SHIPMENT_GROWTH.length - 1, day.getYear() - 2014));
            if (day.getYear() != year) {
                year = day.getYear();
                seq = 0;
            }
            double total = 0;
            for (int b = 0; b < w.length; b++) {
                Operator op = buyers.get(b);
                double tw = TYPE_WEIGHT.containsKey(op.type()) ? TYPE_WEIGHT.get(op.type())[yi] : 0;
                w[b] = day.isBefore(buyerSince(op.id())) ? 0 : tw * buyerWeight(op.id());
                total += w[b];
            }
            double expected = o.scale() * SHIPMENTS_PER_DAY * SHIPMENT_GROWTH[yi];
            int count = (int) Math.floor(expected + r.nextDouble());
            for (int c = 0; c < count; c++) {
                double u = r.nextDouble() * total;
                int b = 0;
                while (b < w.length - 1 && (u -= w[b]) > 0) {
                    b++;
                }
                Operator buyer = buyers.get(b);
                String site = null;
                String country = buyer.homeCountry();
                List<Site> own = sitesByOp.getOrDefault(buyer.id(), List.of());
                List<Site> open = new ArrayList<>();
                for (Site s : own) {
                    // Equipment arrives in the half year before a site goes live, and after.
                    if (!day.isBefore(s.commissioned().minusDays(180))) {
                        open.add(s);
                    }
                }
                if (!open.isEmpty() && r.nextDouble() < 0.5) {
                    Site s = open.get(r.nextInt(open.size()));
                    site = s.id();
                    country = s.country();
                } else if (!"CN".equals(country) && (buyer.type().equals("HYPERSCALER")
                        || buyer.type().equals("COLOCATION")) && r.nextDouble() < 0.35) {
                    country = SPREAD[r.nextInt(SPREAD.length)];
                }
                boolean toChina = "CN".equals(country);
                Product p = ShipmentModel.pickProduct(r, day, toChina);
                int units = ShipmentModel.units(r, p, buyer.type());
                double usd = p.usd() * (0.92 + 0.16 * r.nextDouble()) * (units >= 256 ? 0.93 : 1.0);
                String cur = "USD";
                String home = CapexModel.currencyOf(buyer.homeCountry());
                if (toChina && (!p.vendor().equals("NVIDIA") || r.nextBoolean())) {
                    cur = "CNY";
                } else if (!home.equals("USD") && buyer.type().equals("TELCO") || buyer.type().equals("GOVERNMENT")) {
                    cur = !home.equals("USD") && r.nextDouble() < 0.5 ? home : "USD";
                }
                double price = usd / ref.usdPerUnit(cur, day);
                String product = p.name().endsWith("_CN") ? p.name().substring(0, p.name().length() - 3) : p.name();
                seq++;
                out.add(new Shipment(String.format("SHP-%d-%06d", year, seq), day, p.vendor(), product, units,
                        Fmt.dec2(price), cur, buyer.id(), country, site));
            }
        }
        LOG.info("{}: {} shipments from {} to {}", SHIPMENTS, out.size(), o.historyStart(), o.endDate());
        return out;
    }

    // ---------------------------------------------------------------- telco capex

    private record Capex(String id, String operator, String country, LocalDate period, String assetClass,
                         double amount, String currency, long updatedAt, ZoneId tz, boolean utc) {
        String[] row() {
            return new String[]{id, operator, country, Fmt.date(period), assetClass, Fmt.dec2(amount), currency,
                    utc ? Fmt.utc(updatedAt) : Fmt.local(updatedAt, tz.getRules())};
        }

        LocalDate deliveredOn() {
            return LocalDate.ofEpochDay(Math.floorDiv(updatedAt, 86400L));
        }
    }

    private Defects capex(Reference ref) throws IOException {
        SplittableRandom r = new SplittableRandom(seedFor(30));
        int items = Math.max(1, (int) Math.round(o.scale() * CAPEX_ITEMS_PER_CELL));
        LocalDate firstMonth = o.historyStart().withDayOfMonth(1);
        List<Capex> all = new ArrayList<>();
        for (Operator op : ref.operators) {
            CapexModel.Profile prof = CapexModel.PROFILES.get(op.id());
            if (!op.type().equals("TELCO") || prof == null) {
                continue;
            }
            String cur = CapexModel.currencyOf(op.homeCountry());
            ZoneId tz = ZoneId.of(CapexModel.timeZoneOf(op.homeCountry()));
            for (LocalDate m = firstMonth; !m.isAfter(o.endDate()); m = m.plusMonths(1)) {
                double monthTotal = prof.annual() * CapexModel.yearFactor(m.getYear())
                        * CapexModel.MONTH_WEIGHT[m.getMonthValue() - 1] * (0.9 + 0.2 * r.nextDouble());
                for (int c = 0; c < CapexModel.ASSET_CLASSES.length; c++) {
                    String ac = CapexModel.ASSET_CLASSES[c];
                    double cell = monthTotal * CapexModel.classShare(c, m.getYear(), prof.aiMultiplier());
                    double[] parts = new double[items];
                    double sum = 0;
                    for (int i = 0; i < items; i++) {
                        parts[i] = 0.2 + r.nextDouble();
                        sum += parts[i];
                    }
                    for (int i = 0; i < items; i++) {
                        double amount = cell * parts[i] / sum;
                        if (r.nextDouble() < 0.01) {
                            amount = -amount * (0.05 + 0.3 * r.nextDouble()); // credit note / reversal
                        }
                        // Booked 1..45 days after the month closes, during local office hours.
                        long booked = m.plusMonths(1).plusDays(r.nextInt(45)).atStartOfDay(tz).toEpochSecond()
                                + 3600L * (8 + r.nextInt(10)) + 60L * r.nextInt(60) + r.nextInt(60);
                        String id = String.format("CPX-%s-%d%02d-%s-%03d", op.id(), m.getYear(), m.getMonthValue(),
                                ac, i + 1);
                        all.add(new Capex(id, op.id(), op.homeCountry(), m, ac, amount, cur, booked, tz,
                                r.nextBoolean()));
                    }
                }
            }
        }
        Defects defects = new Defects(new Defects.Spec(new int[]{0, 1, 2, 3, 4, 5, 6, 7}, new int[]{5}, new int[0],
                new int[]{3}, new int[]{7}, new int[]{4},
                new String[][]{{"RAN5G", "FIBRE", "AI-COMPUTE", "DATACENTER"}}, new int[]{1},
                new String[]{"DT_AG", "SKTT", "CHINAMOBILE", "VZ", "UNKNOWN"}, 6, -1), o.badRowFraction(),
                seedFor(3));
        boolean[] numeric = {false, false, false, false, false, true, false, false};
        LocalDate h = o.historyDeliveryDate();
        int y0 = firstMonth.getYear();
        int n = h.getYear() - y0 + 1;
        List<Capex> history = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int y = y0 + i;
            RowSink sink = open(CAPEX, h, CAPEX + "_" + y + historyExt(i, n), CAPEX_COLUMNS, numeric);
            for (Capex c : all) {
                if (c.period().getYear() == y && !c.deliveredOn().isAfter(h)) {
                    defects.emit(sink, c.row(), c.id());
                    history.add(c);
                }
            }
            close(sink);
        }
        SplittableRandom rr = new SplittableRandom(seedFor(31));
        int k = 0;
        for (LocalDate day : dailyDates()) {
            k++;
            RowSink sink = open(CAPEX, day, CAPEX + "_" + Fmt.date(day) + dailyExt(k + 2), CAPEX_COLUMNS, numeric);
            for (Capex c : all) {
                if (c.deliveredOn().equals(day)) {
                    defects.emit(sink, c.row(), c.id());
                }
            }
            // Restatements: earlier line items re-sent with a later updated_at and a corrected amount.
            int restate = Math.min(history.size(), Math.max(2, history.size() / 1000));
            for (int j = 0; j < restate; j++) {
                Capex c = history.get(rr.nextInt(history.size()));
                long at = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() + 3600L * (1 + rr.nextInt(20))
                        + rr.nextInt(3600);
                double amount = c.amount() * (0.8 + 0.4 * rr.nextDouble());
                // Keep the local date on the delivery date: local offsets are at most +-14h, hours stay in 01..21Z.
                defects.emit(sink, new Capex(c.id(), c.operator(), c.country(), c.period(), c.assetClass(), amount,
                        c.currency(), at, c.tz(), true).row(), c.id());
            }
            close(sink);
        }
        return defects;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
