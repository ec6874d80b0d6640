package org.telcoai.lakehouse.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.telcoai.lakehouse.export.ExportTable.Column;
import org.telcoai.lakehouse.export.ExportTable.Kind;

/** Small hand-made gold tables following the gold column contract, with hostile text in operator names. */
final class ExportFixtures {

    static final String FORMULA_NAME = "=HYPERLINK(\"http://evil.example\",\"x\")";
    static final String SCRIPT_NAME = "<script>alert(1)</script>";

    private ExportFixtures() { }

    static Column text(String name) {
        return new Column(name, Kind.TEXT);
    }

    static Column number(String name) {
        return new Column(name, Kind.NUMBER);
    }

    static Column date(String name) {
        return new Column(name, Kind.DATE);
    }

    static List<Object> row(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    static LocalDate quarter(int year, int q) {
        return LocalDate.of(year, 3 * (q - 1) + 1, 1);
    }

    static ExportTable operators() {
        return new ExportTable("operators",
                List.of(text("operator_id"), text("name"), text("operator_type"), text("home_country_iso"),
                        text("parent_group")),
                List.of(row("OP_DT", "Deutsche Telekom", "TELCO", "DE", "DT Group"),
                        row("OP_EVIL", FORMULA_NAME, "TELCO", "FR", null),
                        row("OP_XSS", SCRIPT_NAME, "TELCO", "US", "@group"),
                        row("OP_TEF", "Telefónica", "TELCO", "ES", "Telefónica"),
                        row("OP_SGT", "Singtel", "TELCO", "SG", "Singtel"),
                        row("OP_SMALL", "Small Co", "TELCO", "NO", null)));
    }

    static Map<String, ExportTable> all() {
        Map<String, ExportTable> t = new LinkedHashMap<>();
        t.put("gpu_vendor_share", vendorShare());
        t.put("gpu_market_concentration", concentration());
        t.put("gpu_buyer_share", buyerShare());
        t.put("sovereign_capacity", sovereign());
        t.put("accelerator_capacity", acceleratorCapacity());
        t.put("capex_trends", capex());
        t.put("ai_capex_by_country", capexByCountry());
        t.put("energy_price_monthly", energy());
        t.put("site_energy_cost", siteCost());
        t.put("capex_restatements", capexRestatements());
        t.put("gpu_shipment_restatements", gpuShipmentRestatements());
        return t;
    }

    static ExportTable vendorShare() {
        List<List<Object>> rows = new ArrayList<>();
        String[] regions = {"WORLD", "CN", "US", "DE"};
        String[] vendors = {"NVIDIA", "AMD", "Huawei", "Intel"};
        for (int y = 2022; y <= 2024; y++) {
            for (int q = 1; q <= 4; q++) {
                int step = (y - 2022) * 4 + q;
                for (String region : regions) {
                    double[] share = region.equals("CN")
                            ? new double[] {0.60 - step * 0.03, 0.05, 0.30 + step * 0.03, 0.05}
                            : new double[] {0.80 - step * 0.005, 0.10 + step * 0.005, region.equals("WORLD") ? 0.07 : 0.0, 0.03};
                    long total = region.equals("WORLD") ? 1_000_000 : region.equals("US") ? 400_000 : 100_000;
                    for (int v = 0; v < vendors.length; v++) {
                        long units = Math.round(total * share[v]);
                        rows.add(row(quarter(y, q), region, vendors[v], units, new BigDecimal(units * 25_000L),
                                share[v], share[v], step > 4 ? (v == 0 ? -2.0 : 0.7) : null, v + 1));
                    }
                }
            }
        }
        return new ExportTable("gpu_vendor_share",
                List.of(date("quarter"), text("region"), text("vendor"), number("units"), number("revenue_usd"),
                        number("unit_share"), number("revenue_share"), number("unit_share_yoy_pp"),
                        number("revenue_rank")), rows);
    }

    static ExportTable concentration() {
        return new ExportTable("gpu_market_concentration",
                List.of(date("quarter"), text("region"), number("hhi"), text("leader_vendor"),
                        number("leader_revenue_share")),
                List.of(row(quarter(2024, 1), "WORLD", 6500.0, "NVIDIA", 0.8),
                        row(quarter(2024, 1), "CN", 3400.0, "-NVIDIA", 0.5)));
    }

    static ExportTable buyerShare() {
        List<List<Object>> rows = new ArrayList<>();
        String[] types = {"TELCO", "HYPERSCALER", "COLOCATION", "ENTERPRISE", "GOVERNMENT"};
        for (int y = 2021; y <= 2024; y++) {
            double telco = 0.05 + (y - 2021) * 0.02;
            double[] shares = {telco, 0.60 - (y - 2021) * 0.02, 0.15, 0.15, 0.05};
            for (int i = 0; i < types.length; i++) {
                rows.add(row(y, "WORLD", types[i], 1000L * i, new BigDecimal("1000000.50"), shares[i]));
                rows.add(row(y, "US", types[i], 100L * i, new BigDecimal("1000.00"), 0.2));
            }
        }
        return new ExportTable("gpu_buyer_share",
                List.of(number("year"), text("region"), text("buyer_type"), number("units"), number("revenue_usd"),
                        number("revenue_share")), rows);
    }

    static ExportTable sovereign() {
        List<List<Object>> rows = new ArrayList<>();
        String[] countries = {"DE", "FR", "JP", "SG", "<b>XX</b>"};
        for (int y = 2022; y <= 2024; y++) {
            for (int i = 0; i < countries.length; i++) {
                long gpus = 10_000L * (i + 1) * (y - 2020);
                long domestic = gpus * (10 + 12 * i) / 100;
                rows.add(row(y, countries[i], gpus, domestic, (double) domestic / gpus));
            }
        }
        return new ExportTable("sovereign_capacity",
                List.of(number("year"), text("country_iso"), number("gpus_cumulative"),
                        number("domestic_telco_gpus_cumulative"), number("domestic_telco_share")), rows);
    }

    static ExportTable acceleratorCapacity() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(2024, "JP", "TELCO", "NVIDIA", 4000L, 4000L, new java.math.BigDecimal("4000.000000")));
        rows.add(row(2024, "JP", "RESEARCH", "OTHER", 600L, 0L, null));
        return new ExportTable("accelerator_capacity",
                List.of(number("year"), text("region"), text("buyer_type"), text("vendor"), number("units"),
                        number("rated_units"), number("h100_equivalents")), rows);
    }

    static ExportTable capex() {
        List<List<Object>> rows = new ArrayList<>();
        String[] ops = {"OP_DT", "OP_EVIL", "OP_XSS", "OP_TEF", "OP_SGT", "OP_SMALL", "OP_UNKNOWN"};
        for (int o = 0; o < ops.length; o++) {
            for (int y = 2022; y <= 2024; y++) {
                for (int q = 1; q <= 4; q++) {
                    int step = (y - 2022) * 4 + q;
                    double capex = 3e9 / (o + 1);
                    double ai = capex * (0.02 + step * 0.01);
                    Double ttm = step >= 4 ? ai * 4 : null;
                    rows.add(row(ops[o], quarter(y, q), new BigDecimal(String.format("%.2f", capex)),
                            new BigDecimal(String.format("%.2f", ai)), ai / capex,
                            ttm == null ? null : new BigDecimal(String.format("%.2f", capex * 4)),
                            ttm == null ? null : new BigDecimal(String.format("%.2f", ttm)),
                            step > 4 ? -0.125 : null, step > 4 ? 0.5 : null));
                }
            }
        }
        return new ExportTable("capex_trends",
                List.of(text("operator_id"), date("quarter"), number("capex_usd"), number("ai_capex_usd"),
                        number("ai_share"), number("capex_ttm_usd"), number("ai_capex_ttm_usd"),
                        number("capex_yoy_growth"), number("ai_capex_yoy_growth")), rows);
    }

    static ExportTable capexByCountry() {
        return new ExportTable("ai_capex_by_country",
                List.of(number("year"), text("country_iso"), number("capex_usd"), number("ai_capex_usd"),
                        number("ai_capex_world_share"), number("ai_capex_cagr_3y")),
                List.of(row(2024, "WORLD", new BigDecimal("100.00"), new BigDecimal("10.00"), 1.0, 0.3),
                        row(2024, "DE", new BigDecimal("40.00"), new BigDecimal("-4.00"), 0.4, -0.05),
                        row(2023, "DE", new BigDecimal("35.00"), new BigDecimal("3.00"), 0.35, null)));
    }

    static ExportTable energy() {
        List<List<Object>> rows = new ArrayList<>();
        String[][] zones = {{"DE-LU", "ENTSOE"}, {"FR", "ENTSOE"}, {"NO1", "NORDPOOL"}, {"ERCOT_HOUSTON", "ERCOT"}};
        for (int z = 0; z < zones.length; z++) {
            for (int m = 1; m <= 24; m++) {
                LocalDate month = LocalDate.of(2023, 1, 1).plusMonths(m - 1);
                double avg = 40 + z * 15 + 20 * Math.sin(m / 2.0);
                rows.add(row(zones[z][0], zones[z][1], month, avg, avg - 60, avg + 150, z == 0 ? 12L : 0L,
                        720L, 720L));
            }
        }
        return new ExportTable("energy_price_monthly",
                List.of(text("zone"), text("market"), date("month"), number("avg_price_usd_mwh"),
                        number("min_price_usd_mwh"), number("max_price_usd_mwh"), number("negative_price_hours"),
                        number("covered_hours"), number("interval_count")), rows);
    }

    static ExportTable siteCost() {
        return new ExportTable("site_energy_cost",
                List.of(text("site_id"), date("month"), text("operator_id"), text("country_iso"), number("energy_mwh"),
                        number("avg_price_usd_mwh"), number("energy_cost_usd")),
                List.of(row("S2", LocalDate.of(2024, 2, 1), "OP_DT", "DE", 1000.5, -3.25, new BigDecimal("-3251.63")),
                        row("S1", LocalDate.of(2024, 1, 1), "OP_EVIL", "FR", 20.0, 50.0, new BigDecimal("1000.00")),
                        row("+S0", LocalDate.of(2024, 1, 1), "@OP", "FR", 1e-7, 0.0, BigDecimal.ZERO)));
    }

    static ExportTable capexRestatements() {
        return new ExportTable("capex_restatements",
                List.of(text("operator_id"), date("quarter"), date("as_of"), number("capex_usd_first_reported"),
                        number("capex_usd_as_of"), number("capex_usd_difference"), number("records_restated")),
                List.of(row("OP_DT", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 31), new BigDecimal("100.00"),
                                new BigDecimal("90.00"), new BigDecimal("-10.00"), 1L),
                        row("OP_DT", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 30), new BigDecimal("100.00"),
                                new BigDecimal("120.00"), new BigDecimal("20.00"), 1L)));
    }

    static ExportTable gpuShipmentRestatements() {
        return new ExportTable("gpu_shipment_restatements",
                List.of(text("vendor"), date("quarter"), date("as_of"), number("units_first_reported"),
                        number("units_as_of"), number("units_difference"), number("revenue_usd_first_reported"),
                        number("revenue_usd_as_of"), number("revenue_usd_difference"), number("records_restated")),
                List.of(row("NVIDIA", LocalDate.of(2024, 4, 1), LocalDate.of(2025, 1, 31), 1000L, 960L, -40L,
                        new BigDecimal("30000000.00"), new BigDecimal("28800000.00"), new BigDecimal("-1200000.00"),
                        1L)));
    }
}
