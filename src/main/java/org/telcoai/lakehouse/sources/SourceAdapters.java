package org.telcoai.lakehouse.sources;

import java.util.List;
import java.util.Optional;

/** Every public source the import command knows. */
public final class SourceAdapters {

    public static final List<SourceAdapter> ALL = List.of(
            new EpochGpuClustersAdapter(),
            new EpochMlHardwareAdapter(),
            new EnerginetElspotAdapter(),
            new EntsoeDayAheadAdapter(),
            new EmberDailyAdapter(),
            new SimFinCashflowAdapter());

    private SourceAdapters() { }

    public static Optional<SourceAdapter> byName(String name) {
        return ALL.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
