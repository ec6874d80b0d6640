package org.telcoai.lakehouse.gold;

import java.util.List;
import java.util.Optional;
import org.telcoai.lakehouse.warehouse.Layer;

/** Every gold report, in the order the report job computes them. */
public final class GoldReports {

    public static final List<GoldReport> ALL = List.of(
            new GpuVendorShare(),
            new GpuMarketConcentration(),
            new GpuBuyerShare(),
            new SovereignCapacity(),
            new AcceleratorCapacity(),
            new CapexTrends(),
            new AiCapexByCountry(),
            new EnergyPriceMonthly(),
            new SiteEnergyCost(),
            new CapexRestatements(),
            new GpuShipmentRestatements());

    private GoldReports() { }

    /** The named reports and every report whose gold table they read, in computing order. */
    public static List<GoldReport> withInputs(java.util.Collection<String> names) {
        java.util.Set<String> wanted = new java.util.HashSet<>(names);
        for (int i = ALL.size() - 1; i >= 0; i--) {
            if (wanted.contains(ALL.get(i).name())) {
                String gold = Layer.GOLD.schema() + ".";
                ALL.get(i).sources().stream().filter(s -> s.startsWith(gold))
                        .forEach(s -> wanted.add(s.substring(gold.length())));
            }
        }
        return ALL.stream().filter(r -> wanted.contains(r.name())).toList();
    }

    public static Optional<GoldReport> byName(String name) {
        return ALL.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
