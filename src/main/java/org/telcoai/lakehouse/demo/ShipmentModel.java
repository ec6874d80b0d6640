package org.telcoai.lakehouse.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** GPU shipments: product generations over time, Nvidia dominant, Huawei Ascend in China after export controls. */
final class ShipmentModel {

    record Product(String name, String vendor, LocalDate from, LocalDate to, double usd, int china) {
        // china: 0 = not for China (export controls), 1 = anywhere, 2 = China-only (compliant or domestic part)
        boolean availableOn(LocalDate d, boolean toChina) {
            if (d.isBefore(from) || !d.isBefore(to)) {
                return false;
            }
            return toChina ? china >= 1 : china <= 1;
        }

        /** Ramp-up over 6 months and run-down over the last 9 months of the life cycle. */
        double weight(LocalDate d) {
            double up = Math.min(1, (d.toEpochDay() - from.toEpochDay()) / 180.0);
            double down = Math.min(1, (to.toEpochDay() - d.toEpochDay()) / 270.0);
            return Math.max(0.05, Math.min(up, down));
        }
    }

    record Shipment(String id, LocalDate date, String vendor, String product, int units, String unitPrice,
                    String currency, String buyer, String country, String site) {
        String[] row() {
            return new String[]{id, Fmt.date(date), vendor, product, Integer.toString(units), unitPrice, currency,
                    buyer, country, site};
        }
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private static final LocalDate EOT = d("2100-01-01");
    private static final LocalDate OCT_2022_CONTROLS = d("2022-10-07");
    private static final LocalDate OCT_2023_CONTROLS = d("2023-10-17");

    static final List<Product> PRODUCTS = List.of(
            new Product("P100", "NVIDIA", d("2016-06-01"), d("2019-12-31"), 6000, 1),
            new Product("V100", "NVIDIA", d("2017-09-01"), d("2021-09-30"), 9000, 1),
            new Product("A100", "NVIDIA", d("2020-06-01"), d("2024-09-30"), 12000, 0),
            new Product("A100_CN", "NVIDIA", d("2020-06-01"), OCT_2022_CONTROLS, 12000, 2),
            new Product("A800", "NVIDIA", d("2022-11-01"), OCT_2023_CONTROLS, 13500, 2),
            new Product("H800", "NVIDIA", d("2023-03-01"), OCT_2023_CONTROLS, 25000, 2),
            new Product("H20", "NVIDIA", d("2024-02-01"), d("2025-04-15"), 12500, 2),
            new Product("H100", "NVIDIA", d("2022-10-01"), EOT, 27000, 0),
            new Product("H200", "NVIDIA", d("2024-06-01"), EOT, 32000, 0),
            new Product("B200", "NVIDIA", d("2025-01-01"), EOT, 38000, 0),
            new Product("GB200", "NVIDIA", d("2025-03-01"), EOT, 45000, 0),
            new Product("GB300", "NVIDIA", d("2025-09-01"), EOT, 50000, 0),
            new Product("ASCEND_910", "HUAWEI", d("2019-09-01"), d("2023-09-30"), 10000, 2),
            new Product("ASCEND_910B", "HUAWEI", d("2023-03-01"), EOT, 16000, 2),
            new Product("ASCEND_910C", "HUAWEI", d("2025-01-01"), EOT, 25000, 2),
            new Product("MI250", "AMD", d("2021-11-01"), d("2024-06-30"), 10000, 0),
            new Product("MI300X", "AMD", d("2023-12-01"), EOT, 15000, 0),
            new Product("MI325X", "AMD", d("2025-01-01"), EOT, 20000, 0),
            new Product("MI355X", "AMD", d("2025-07-01"), EOT, 25000, 0),
            new Product("GAUDI2", "INTEL", d("2022-06-01"), d("2025-06-30"), 8000, 0),
            new Product("GAUDI3", "INTEL", d("2024-09-01"), EOT, 15000, 0),
            new Product("MLU370", "OTHER", d("2022-01-01"), EOT, 6000, 2),
            new Product("MLU590", "OTHER", d("2024-01-01"), EOT, 9000, 2));

    private static final String[] VENDORS = {"NVIDIA", "HUAWEI", "AMD", "INTEL", "OTHER"};

    /** Vendor weights outside China and in China (which shifts to domestic parts after the export controls). */
    static double[] vendorWeights(LocalDate day, boolean toChina) {
        if (!toChina) {
            return new double[]{0.86, 0, 0.09, 0.05, 0};
        }
        if (day.isBefore(OCT_2022_CONTROLS)) {
            return new double[]{0.85, 0.12, 0, 0, 0.03};
        }
        if (day.isBefore(d("2024-01-01"))) {
            return new double[]{0.58, 0.36, 0, 0, 0.06};
        }
        return new double[]{0.28, 0.63, 0, 0, 0.09};
    }

    static Product pickProduct(SplittableRandom r, LocalDate day, boolean toChina) {
        double[] vw = vendorWeights(day, toChina);
        List<Product> cands = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        double total = 0;
        for (int v = 0; v < VENDORS.length; v++) {
            if (vw[v] <= 0) {
                continue;
            }
            double vt = 0;
            int first = cands.size();
            for (Product p : PRODUCTS) {
                if (p.vendor().equals(VENDORS[v]) && p.availableOn(day, toChina)) {
                    cands.add(p);
                    w.add(p.weight(day));
                    vt += p.weight(day);
                }
            }
            // A vendor without a sellable product (e.g. Nvidia in China after the H20 ban) loses its share.
            for (int i = first; i < cands.size(); i++) {
                w.set(i, w.get(i) / vt * vw[v]);
                total += w.get(i);
            }
        }
        if (cands.isEmpty()) {
            return PRODUCTS.get(0);
        }
        double u = r.nextDouble() * total;
        for (int i = 0; i < cands.size(); i++) {
            u -= w.get(i);
            if (u <= 0) {
                return cands.get(i);
            }
        }
        return cands.get(cands.size() - 1);
    }

    static int units(SplittableRandom r, Product p, String buyerType) {
        if (p.name().startsWith("GB")) {
            return r.nextDouble() < 0.8 ? 72 : 36; // NVL72 / NVL36 racks
        }
        if (p.name().equals("ASCEND_910C") && r.nextDouble() < 0.08) {
            return 384; // CloudMatrix 384 super-node
        }
        double u = r.nextDouble();
        double cluster = buyerType.equals("HYPERSCALER") || buyerType.equals("ENTERPRISE") ? 0.04 : 0.015;
        if (u < cluster) {
            return 256 << r.nextInt(4); // 256..2048: a cluster delivered as one shipment
        }
        u = r.nextDouble();
        if (u < 0.70) {
            return 8;
        }
        if (u < 0.80) {
            return 4;
        }
        if (u < 0.92) {
            return 16;
        }
        return 32;
    }
}
