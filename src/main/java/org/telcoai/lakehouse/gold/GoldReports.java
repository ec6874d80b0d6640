package org.telcoai.lakehouse.gold;

import java.util.List;
import java.util.Optional;

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
            new SiteEnergyCost());

    private GoldReports() { }

    public static Optional<GoldReport> byName(String name) {
        return ALL.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
