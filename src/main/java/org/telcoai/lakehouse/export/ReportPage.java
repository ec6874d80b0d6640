package org.telcoai.lakehouse.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * Builds the self-contained HTML report page: charts rendered to PNG and inlined as {@code data:} URIs, a small
 * table under each, no script, no stylesheet or font from elsewhere. The markup is well-formed XML (HTML5 in its
 * XML-compatible form) so that tests can check it with the JDK's XML parser.
 *
 * <p>Shares ({@code unit_share}, {@code revenue_share}, {@code domestic_telco_share}, ...) are expected as
 * fractions in [0, 1] and shown in percent; a column whose values exceed 1 is taken to be in percent already.
 */
final class ReportPage {

    /** One figure of the page. {@code png} is null when the chart has no data. */
    record Section(String id, String title, String caption, byte[] png, String tableHtml) { }

    static final int TOP_VENDORS = 6;
    static final int TOP_OPERATORS = 5;
    static final int MAX_ZONES = 12;

    private final Map<String, ExportTable> tables;
    private final Map<String, String> operatorNames;
    private final String thirdRegion;

    ReportPage(Map<String, ExportTable> tables, ExportTable operators, String thirdRegion) {
        this.tables = tables;
        this.operatorNames = operatorNames(operators);
        this.thirdRegion = thirdRegion;
    }

    // ---------------------------------------------------------------- sections

    List<Section> sections() {
        List<Section> sections = new ArrayList<>();
        ExportTable vendor = table("gpu_vendor_share", "quarter", "region", "vendor", "unit_share");
        String third = thirdRegion != null ? thirdRegion : pickThirdRegion(vendor);
        sections.add(vendorShare(vendor, "WORLD", "the world"));
        sections.add(vendorShare(vendor, "CN", "China"));
        sections.add(vendorShare(vendor, third == null ? "OTHER" : third, third == null ? "a third region" : third));
        sections.add(capexTrend(table("capex_trends", "operator_id", "quarter", "ai_capex_ttm_usd")));
        sections.add(buyerShare(table("gpu_buyer_share", "year", "buyer_type", "revenue_share")));
        sections.add(energyPrices(table("energy_price_monthly", "zone", "month", "avg_price_usd_mwh")));
        sections.add(sovereignShare(table("sovereign_capacity", "year", "country_iso", "domestic_telco_share")));
        return sections;
    }

    /** The table if present, non-empty and with the columns a chart needs; otherwise null ("no data"). */
    private ExportTable table(String name, String... needed) {
        ExportTable t = tables.get(name);
        return t == null || t.isEmpty() || !t.has(needed) ? null : t;
    }

    static String chartId(String suffix) {
        return "chart-" + suffix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** The region after WORLD and CN with the most GPU revenue (or units), for the third vendor-share chart. */
    static String pickThirdRegion(ExportTable vendor) {
        if (vendor == null) {
            return null;
        }
        Map<String, Double> totals = new TreeMap<>();
        String measure = vendor.has("revenue_usd") ? "revenue_usd" : vendor.has("units") ? "units" : null;
        for (List<Object> row : vendor.rows()) {
            String region = str(vendor, row, "region");
            if (region == null || region.equalsIgnoreCase("WORLD") || region.equalsIgnoreCase("CN")) {
                continue;
            }
            Double v = measure == null ? Double.valueOf(1) : num(vendor, row, measure);
            totals.merge(region, v == null ? 0 : v, Double::sum);
        }
        return totals.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private Section vendorShare(ExportTable t, String region, String regionLabel) {
        String id = chartId("gpu-vendor-share-" + region);
        String title = "GPU vendor unit share, " + regionLabel;
        String caption = "Share of GPU units shipped per vendor and quarter in " + regionLabel + " ("
                + "gold.gpu_vendor_share, region " + region + "); vendors beyond the top " + TOP_VENDORS
                + " are summed as Other.";
        List<List<Object>> rows = new ArrayList<>();
        if (t != null) {
            for (List<Object> row : t.rows()) {
                if (region.equalsIgnoreCase(str(t, row, "region"))) {
                    rows.add(row);
                }
            }
        }
        if (rows.isEmpty()) {
            return noData(id, title, caption, "gold.gpu_vendor_share has no rows for region " + region);
        }
        double scale = percentScale(t, rows, "unit_share");
        Map<String, Double> vendorWeight = new LinkedHashMap<>();
        for (List<Object> row : rows) {
            Double w = t.has("units") ? num(t, row, "units") : num(t, row, "unit_share");
            vendorWeight.merge(Objects.toString(str(t, row, "vendor"), "unknown"), w == null ? 0 : w, Double::sum);
        }
        List<String> top = vendorWeight.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_VENDORS).map(Map.Entry::getKey).toList();
        // Series (and legend) in the same vendor order in every region.
        List<String> colourOrder = vendorColourOrder(t);
        Map<String, TreeMap<LocalDate, Double>> series = new LinkedHashMap<>();
        top.stream().sorted(Comparator.comparingInt(colourOrder::indexOf)).forEach(v -> series.put(v, new TreeMap<>()));
        for (List<Object> row : rows) {
            LocalDate q = date(t, row, "quarter");
            Double share = num(t, row, "unit_share");
            if (q == null || share == null) {
                continue;
            }
            String v = Objects.toString(str(t, row, "vendor"), "unknown");
            String key = top.contains(v) ? v : "Other";
            series.computeIfAbsent(key, k -> new TreeMap<>()).merge(q, share * scale, Double::sum);
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, "Quarter", "Unit share (%)",
                timeSeries(series), true, false, false);
        ChartImages.dateFormat(chart, "yyyy-MM");
        // Table: the latest quarter, by revenue rank.
        LocalDate latest = rows.stream().map(r -> date(t, r, "quarter")).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        List<List<Object>> latestRows = rows.stream().filter(r -> Objects.equals(date(t, r, "quarter"), latest))
                .sorted(Comparator.comparing((List<Object> r) -> num(t, r, "revenue_rank"),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        double revenueScale = t.has("revenue_share") ? percentScale(t, rows, "revenue_share") : 100;
        List<List<String>> cells = new ArrayList<>();
        for (List<Object> r : latestRows) {
            cells.add(List.of(text(str(t, r, "vendor")), integer(num(t, r, "units")),
                    percent(num(t, r, "unit_share"), scale), percent(num(t, r, "revenue_share"), revenueScale),
                    signed(num(t, r, "unit_share_yoy_pp")), integer(num(t, r, "revenue_rank"))));
        }
        String table = tableHtml("Latest quarter, " + latest,
                List.of("Vendor", "Units", "Unit share", "Revenue share", "Unit share YoY (pp)", "Revenue rank"),
                cells);
        ChartImages.style(chart);
        ChartImages.colourByKey(chart, colourOrder);
        return new Section(id, title, caption, ChartImages.png(chart), table);
    }

    /** Vendors by units over every region (most first), then Other: the colour order of the vendor charts. */
    static List<String> vendorColourOrder(ExportTable t) {
        Map<String, Double> weight = new TreeMap<>();
        for (List<Object> row : t.rows()) {
            Double w = t.has("units") ? num(t, row, "units") : num(t, row, "unit_share");
            weight.merge(Objects.toString(str(t, row, "vendor"), "unknown"), w == null ? 0 : w, Double::sum);
        }
        List<String> order = new ArrayList<>(weight.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList());
        order.remove("Other");
        order.add(Math.min(order.size(), ChartImages.PALETTE_SIZE - 1), "Other");
        return order;
    }

    private Section capexTrend(ExportTable t) {
        String id = chartId("ai-capex-top-operators");
        String title = "AI capex of the top " + TOP_OPERATORS + " operators, trailing 12 months";
        String caption = "AI capital expenditure over the trailing four quarters per operator (gold.capex_trends); "
                + "the operators with the largest AI capex in their latest quarter.";
        if (t == null) {
            return noData(id, title, caption, "gold.capex_trends is missing or empty");
        }
        Map<String, List<Object>> latestByOperator = new TreeMap<>();
        for (List<Object> row : t.rows()) {
            String op = str(t, row, "operator_id");
            if (op == null || date(t, row, "quarter") == null || num(t, row, "ai_capex_ttm_usd") == null) {
                continue;
            }
            latestByOperator.merge(op, row, (a, b) -> date(t, b, "quarter").isAfter(date(t, a, "quarter")) ? b : a);
        }
        if (latestByOperator.isEmpty()) {
            return noData(id, title, caption, "gold.capex_trends has no trailing-12-month AI capex yet");
        }
        List<String> top = latestByOperator.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, List<Object>> e) ->
                        num(t, e.getValue(), "ai_capex_ttm_usd")).reversed().thenComparing(Map.Entry::getKey))
                .limit(TOP_OPERATORS).map(Map.Entry::getKey).toList();
        double max = top.stream().mapToDouble(op -> t.rows().stream()
                .filter(r -> op.equals(str(t, r, "operator_id")))
                .map(r -> num(t, r, "ai_capex_ttm_usd")).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).max().orElse(0)).max().orElse(0);
        double divisor = max >= 1e9 ? 1e9 : 1e6;
        String unit = max >= 1e9 ? "USD bn" : "USD mn";
        Map<String, TreeMap<LocalDate, Double>> series = new LinkedHashMap<>();
        for (String op : top) {
            TreeMap<LocalDate, Double> points = new TreeMap<>();
            for (List<Object> row : t.rows()) {
                Double v = num(t, row, "ai_capex_ttm_usd");
                if (op.equals(str(t, row, "operator_id")) && v != null && date(t, row, "quarter") != null) {
                    points.put(date(t, row, "quarter"), v / divisor);
                }
            }
            series.put(label(op), points);
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, "Quarter",
                "AI capex, trailing 12 months (" + unit + ")", timeSeries(series), true, false, false);
        ChartImages.dateFormat(chart, "yyyy-MM");
        List<List<String>> cells = new ArrayList<>();
        for (String op : top) {
            List<Object> r = latestByOperator.get(op);
            cells.add(List.of(text(operatorNames.getOrDefault(op, op)), text(op), text(date(t, r, "quarter")),
                    money(num(t, r, "ai_capex_ttm_usd"), divisor), money(num(t, r, "capex_ttm_usd"), divisor),
                    percent(num(t, r, "ai_share"), percentScale(t, t.rows(), "ai_share")),
                    percent(num(t, r, "ai_capex_yoy_growth"), 100)));
        }
        String table = tableHtml("Latest quarter per operator (" + unit + ")",
                List.of("Operator", "Id", "Quarter", "AI capex TTM", "Capex TTM", "AI share", "AI capex YoY"), cells);
        return new Section(id, title, caption, ChartImages.png(ChartImages.style(chart)), table);
    }

    private Section buyerShare(ExportTable t) {
        String id = chartId("gpu-buyer-share");
        String title = "Telco versus hyperscaler share of GPU purchases";
        String caption = "Share of GPU purchase value bought by telcos and by hyperscalers per year (gold.gpu_buyer_share,"
                + " world total).";
        if (t == null) {
            return noData(id, title, caption, "gold.gpu_buyer_share is missing or empty");
        }
        // year -> buyer type -> share in percent; WORLD rows if there are any, else recomputed over all regions.
        Map<Integer, Map<String, Double>> shares = new TreeMap<>();
        boolean hasWorld = t.has("region") && t.rows().stream().anyMatch(r -> "WORLD".equalsIgnoreCase(str(t, r, "region")));
        if (hasWorld || !t.has("revenue_usd")) {
            List<List<Object>> rows = t.rows().stream()
                    .filter(r -> !hasWorld || "WORLD".equalsIgnoreCase(str(t, r, "region"))).toList();
            double scale = percentScale(t, rows, "revenue_share");
            for (List<Object> r : rows) {
                Double year = num(t, r, "year");
                Double share = num(t, r, "revenue_share");
                String type = str(t, r, "buyer_type");
                if (year != null && share != null && type != null) {
                    shares.computeIfAbsent(year.intValue(), y -> new TreeMap<>())
                            .merge(type.toUpperCase(Locale.ROOT), share * scale, Double::sum);
                }
            }
        } else {
            Map<Integer, Map<String, Double>> revenue = new TreeMap<>();
            for (List<Object> r : t.rows()) {
                Double year = num(t, r, "year");
                Double usd = num(t, r, "revenue_usd");
                String type = str(t, r, "buyer_type");
                if (year != null && usd != null && type != null) {
                    revenue.computeIfAbsent(year.intValue(), y -> new TreeMap<>())
                            .merge(type.toUpperCase(Locale.ROOT), usd, Double::sum);
                }
            }
            revenue.forEach((year, byType) -> {
                double total = byType.values().stream().mapToDouble(Double::doubleValue).sum();
                if (total > 0) {
                    byType.forEach((type, usd) -> shares.computeIfAbsent(year, y -> new TreeMap<>())
                            .put(type, 100 * usd / total));
                }
            });
        }
        if (shares.isEmpty()) {
            return noData(id, title, caption, "gold.gpu_buyer_share has no shares");
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<Integer, Map<String, Double>> e : shares.entrySet()) {
            data.addValue(e.getValue().getOrDefault("TELCO", 0.0), "Telcos", String.valueOf(e.getKey()));
            data.addValue(e.getValue().getOrDefault("HYPERSCALER", 0.0), "Hyperscalers", String.valueOf(e.getKey()));
        }
        JFreeChart chart = ChartFactory.createBarChart(title, "Year", "Share of GPU purchase value (%)", data,
                PlotOrientation.VERTICAL, true, false, false);
        Set<String> types = new LinkedHashSet<>(List.of("TELCO", "HYPERSCALER", "COLOCATION", "ENTERPRISE", "GOVERNMENT"));
        shares.values().forEach(m -> types.addAll(m.keySet()));
        List<String> header = new ArrayList<>();
        header.add("Year");
        types.forEach(type -> header.add(text(type)));
        List<List<String>> cells = new ArrayList<>();
        shares.forEach((year, byType) -> {
            List<String> row = new ArrayList<>();
            row.add(String.valueOf(year));
            types.forEach(type -> row.add(byType.containsKey(type) ? String.format(Locale.ROOT, "%.1f%%",
                    byType.get(type)) : "–"));
            cells.add(row);
        });
        return new Section(id, title, caption, ChartImages.png(ChartImages.style(chart)),
                tableHtml("Share of GPU purchase value by buyer type", header, cells, true));
    }

    private Section energyPrices(ExportTable t) {
        String id = chartId("energy-price-monthly");
        String title = "Monthly average electricity price per zone";
        String caption = "Average day-ahead price per bidding zone and month (gold.energy_price_monthly); up to "
                + MAX_ZONES + " zones drawn, all listed below.";
        if (t == null) {
            return noData(id, title, caption, "gold.energy_price_monthly is missing or empty");
        }
        Map<String, TreeMap<LocalDate, Double>> byZone = new TreeMap<>();
        Map<String, List<Object>> latest = new TreeMap<>();
        boolean manyMarkets = t.has("market") && t.rows().stream().map(r -> str(t, r, "market"))
                .filter(Objects::nonNull).distinct().count() > 1;
        for (List<Object> r : t.rows()) {
            LocalDate month = date(t, r, "month");
            Double price = num(t, r, "avg_price_usd_mwh");
            String zone = str(t, r, "zone");
            if (month == null || price == null || zone == null) {
                continue;
            }
            String key = manyMarkets && str(t, r, "market") != null ? zone + " (" + str(t, r, "market") + ")" : zone;
            byZone.computeIfAbsent(key, k -> new TreeMap<>()).put(month, price);
            latest.merge(key, r, (a, b) -> date(t, b, "month").isAfter(date(t, a, "month")) ? b : a);
        }
        if (byZone.isEmpty()) {
            return noData(id, title, caption, "gold.energy_price_monthly has no prices");
        }
        Map<String, TreeMap<LocalDate, Double>> drawn = new LinkedHashMap<>();
        byZone.entrySet().stream().limit(MAX_ZONES).forEach(e -> drawn.put(e.getKey(), e.getValue()));
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, "Month", "Average price (USD/MWh)",
                timeSeries(drawn), true, false, false);
        ChartImages.dateFormat(chart, "yyyy-MM");
        List<List<String>> cells = new ArrayList<>();
        latest.forEach((zone, r) -> cells.add(List.of(text(zone), text(date(t, r, "month")),
                decimal(num(t, r, "avg_price_usd_mwh")), decimal(num(t, r, "min_price_usd_mwh")),
                decimal(num(t, r, "max_price_usd_mwh")), integer(num(t, r, "negative_price_hours")))));
        return new Section(id, title, caption, ChartImages.png(ChartImages.style(chart)), tableHtml(
                "Latest month per zone (USD/MWh)",
                List.of("Zone", "Month", "Average", "Minimum", "Maximum", "Negative-price hours"), cells));
    }

    private Section sovereignShare(ExportTable t) {
        String id = chartId("sovereign-share");
        String title = "Domestic telco share of GPU capacity per country";
        String caption = "Share of a country's cumulative GPUs installed by its domestic telcos, latest year "
                + "(gold.sovereign_capacity).";
        if (t == null) {
            return noData(id, title, caption, "gold.sovereign_capacity is missing or empty");
        }
        Map<String, List<Object>> latest = new TreeMap<>();
        for (List<Object> r : t.rows()) {
            String c = str(t, r, "country_iso");
            if (c == null || num(t, r, "year") == null || num(t, r, "domestic_telco_share") == null) {
                continue;
            }
            latest.merge(c, r, (a, b) -> num(t, b, "year") > num(t, a, "year") ? b : a);
        }
        if (latest.isEmpty()) {
            return noData(id, title, caption, "gold.sovereign_capacity has no shares");
        }
        double scale = percentScale(t, t.rows(), "domestic_telco_share");
        List<Map.Entry<String, List<Object>>> ordered = latest.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, List<Object>> e) ->
                        num(t, e.getValue(), "domestic_telco_share")).reversed().thenComparing(Map.Entry::getKey))
                .toList();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<String, List<Object>> e : ordered) {
            data.addValue(num(t, e.getValue(), "domestic_telco_share") * scale, "Domestic telco share", e.getKey());
        }
        JFreeChart chart = ChartFactory.createBarChart(title, "Country (ISO code)",
                "Domestic telco share of cumulative GPUs (%)", data, PlotOrientation.VERTICAL, true, false, false);
        List<List<String>> cells = new ArrayList<>();
        for (Map.Entry<String, List<Object>> e : ordered) {
            List<Object> r = e.getValue();
            cells.add(List.of(text(e.getKey()), year(num(t, r, "year")), integer(num(t, r, "gpus_cumulative")),
                    integer(num(t, r, "domestic_telco_gpus_cumulative")),
                    percent(num(t, r, "domestic_telco_share"), scale)));
        }
        return new Section(id, title, caption, ChartImages.png(ChartImages.style(chart)), tableHtml(
                "Latest year per country",
                List.of("Country", "Year", "GPUs (cumulative)", "Domestic telco GPUs", "Domestic telco share"), cells));
    }

    private static Section noData(String id, String title, String caption, String why) {
        return new Section(id, title, caption, null, "<p class=\"no-data\">No data: " + Html.escape(why) + ".</p>");
    }

    // ---------------------------------------------------------------- page

    String html(LocalDate runDate, String dateMeaning, List<Section> sections, Map<String, Integer> csvRows,
                List<String> missing) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>Telco AI lakehouse report ").append(Html.escape(runDate)).append("</title>\n")
                .append("<style>\n")
                .append("body{font-family:'DejaVu Sans',Arial,sans-serif;margin:24px auto;max-width:1000px;color:#222}\n")
                .append("h1{font-size:26px}h2{font-size:20px;margin-top:36px;border-bottom:1px solid #ccc}\n")
                .append("figure{margin:16px 0}figure img{max-width:100%;height:auto;border:1px solid #eee}\n")
                .append("figcaption{font-size:14px;color:#555;margin-top:4px}\n")
                .append("table{border-collapse:collapse;font-size:13px;margin:8px 0 24px}\n")
                .append("th,td{border:1px solid #ddd;padding:3px 8px}td.n{text-align:right}th{background:#f4f4f4}\n")
                .append("caption{text-align:left;font-weight:bold;padding:4px 0}\n")
                .append(".no-data{background:#fafafa;border:1px dashed #bbb;padding:40px;text-align:center;color:#777}\n")
                .append("</style>\n</head>\n<body>\n")
                .append("<h1>Telco AI lakehouse report, ").append(Html.escape(runDate)).append("</h1>\n")
                .append("<p>Charts from the gold tables ").append(Html.escape(dateMeaning)).append(' ')
                .append(Html.escape(runDate))
                .append(". The CSV files next to this page hold every row.</p>\n");
        h.append("<table id=\"exports\"><caption>Exported tables</caption>\n<tr><th>Table</th><th>File</th><th>Rows</th></tr>\n");
        csvRows.forEach((table, rows) -> h.append("<tr><td>gold.").append(Html.escape(table))
                .append("</td><td><a href=\"").append(Html.escape(table)).append(".csv\">")
                .append(Html.escape(table)).append(".csv</a></td><td class=\"n\">").append(rows).append("</td></tr>\n"));
        for (String table : missing) {
            h.append("<tr><td>gold.").append(Html.escape(table)).append("</td><td>missing</td><td class=\"n\">–</td></tr>\n");
        }
        h.append("</table>\n");
        for (Section s : sections) {
            h.append("<section>\n<h2>").append(Html.escape(s.title())).append("</h2>\n")
                    .append("<figure id=\"").append(Html.escape(s.id())).append("\"")
                    .append(s.png() == null ? " class=\"no-data-figure\"" : "").append(">\n");
            if (s.png() != null) {
                h.append("<img src=\"").append(ChartImages.dataUri(s.png())).append("\" alt=\"")
                        .append(Html.escape(s.title())).append("\" width=\"").append(ChartImages.WIDTH)
                        .append("\" height=\"").append(ChartImages.HEIGHT).append("\"/>\n");
            }
            if (s.png() == null) {
                h.append(s.tableHtml()).append('\n');
            }
            h.append("<figcaption>").append(Html.escape(s.caption())).append("</figcaption>\n</figure>\n");
            if (s.png() != null) {
                h.append(s.tableHtml()).append('\n');
            }
            h.append("</section>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** Cells must already be escaped (the formatting helpers below escape). */
    private static String tableHtml(String caption, List<String> header, List<List<String>> cells) {
        return tableHtml(caption, header, cells, false);
    }

    private static String tableHtml(String caption, List<String> header, List<List<String>> cells, boolean numericAfterFirst) {
        StringBuilder t = new StringBuilder("<table><caption>").append(Html.escape(caption)).append("</caption>\n<tr>");
        header.forEach(c -> t.append("<th>").append(c).append("</th>"));
        t.append("</tr>\n");
        for (List<String> row : cells) {
            t.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                boolean numeric = numericAfterFirst ? i > 0 : looksNumeric(row.get(i));
                t.append(numeric ? "<td class=\"n\">" : "<td>").append(row.get(i)).append("</td>");
            }
            t.append("</tr>\n");
        }
        return t.append("</table>").toString();
    }

    private static boolean looksNumeric(String cell) {
        return cell.matches("[+\\-]?[0-9][0-9,.]*%?");
    }

    // ---------------------------------------------------------------- helpers

    private static TimeSeriesCollection timeSeries(Map<String, TreeMap<LocalDate, Double>> series) {
        TimeSeriesCollection collection = new TimeSeriesCollection();
        series.forEach((name, points) -> {
            if (points.isEmpty()) {
                return;
            }
            TimeSeries s = new TimeSeries(name);
            points.forEach((d, v) -> s.addOrUpdate(new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear()), v));
            collection.addSeries(s);
        });
        return collection;
    }

    private String label(String operatorId) {
        String name = operatorNames.get(operatorId);
        return name == null || name.isBlank() ? operatorId : name;
    }

    private static Map<String, String> operatorNames(ExportTable operators) {
        Map<String, String> names = new TreeMap<>();
        if (operators != null && operators.has("operator_id", "name")) {
            for (List<Object> r : operators.rows()) {
                String id = str(operators, r, "operator_id");
                String name = str(operators, r, "name");
                if (id != null && name != null) {
                    names.put(id, name);
                }
            }
        }
        return names;
    }

    /** 100 when the column's values look like fractions (all within [-1, 1]), else 1 (already percent). */
    static double percentScale(ExportTable t, List<List<Object>> rows, String column) {
        if (t.indexOf(column) < 0) {
            return 100;
        }
        for (List<Object> r : rows) {
            Double v = num(t, r, column);
            if (v != null && Math.abs(v) > 1.0 + 1e-9) {
                return 1;
            }
        }
        return 100;
    }

    static String str(ExportTable t, List<Object> row, String column) {
        int i = t.indexOf(column);
        return i < 0 || row.get(i) == null ? null : row.get(i).toString();
    }

    static Double num(ExportTable t, List<Object> row, String column) {
        int i = t.indexOf(column);
        if (i < 0 || row.get(i) == null) {
            return null;
        }
        Object v = row.get(i);
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Double.isNaN(d) || Double.isInfinite(d) ? null : d;
        }
        try {
            return new BigDecimal(v.toString().trim()).doubleValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static LocalDate date(ExportTable t, List<Object> row, String column) {
        int i = t.indexOf(column);
        if (i < 0 || row.get(i) == null) {
            return null;
        }
        Object v = row.get(i);
        if (v instanceof LocalDate d) {
            return d;
        }
        try {
            return LocalDate.parse(v.toString().substring(0, Math.min(10, v.toString().length())));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(Object v) {
        return v == null ? "–" : Html.escape(v);
    }

    private static String integer(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%,d", Math.round(v));
    }

    private static String year(Double v) {
        return v == null ? "–" : String.valueOf(Math.round(v));
    }

    private static String decimal(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%,.2f", v);
    }

    private static String percent(Double v, double scale) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.1f%%", v * scale);
    }

    private static String signed(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%+.1f", v);
    }

    private static String money(Double v, double divisor) {
        return v == null ? "–" : String.format(Locale.ROOT, "%,.2f", v / divisor);
    }
}
