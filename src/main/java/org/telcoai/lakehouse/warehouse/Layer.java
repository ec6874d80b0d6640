package org.telcoai.lakehouse.warehouse;

/**
 * The schemas (databases) of the warehouse, one per medallion layer plus reference data and operations. GOLD_ASOF
 * holds the gold reports as they were on past delivery dates, one {@code as_of} partition per date asked for.
 */
public enum Layer {
    BRONZE, SILVER, QUARANTINE, REFERENCE, GOLD, GOLD_ASOF, OPS;

    public String schema() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String table(String name) {
        return schema() + "." + name;
    }
}
