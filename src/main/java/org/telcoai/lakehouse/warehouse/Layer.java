package org.telcoai.lakehouse.warehouse;

/** The schemas (databases) of the warehouse, one per medallion layer plus reference data and operations. */
public enum Layer {
    BRONZE, SILVER, QUARANTINE, REFERENCE, GOLD, OPS;

    public String schema() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String table(String name) {
        return schema() + "." + name;
    }
}
