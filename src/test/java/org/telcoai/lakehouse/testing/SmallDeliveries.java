package org.telcoai.lakehouse.testing;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Small deliveries of the three fact datasets, written by hand for the tests that run whole nights in separate
 * processes: a history delivery, then two daily ones that restate capex (one record into another quarter), correct
 * a shipment and re-send a price, with one defective row per dataset in the history; a fourth brings July's prices.
 * The reference tables come from the jar. A few dozen rows give every report rows and every table something to
 * compare; generated demo data would only make each night slower.
 */
public final class SmallDeliveries {

    public static final LocalDate HISTORY = LocalDate.parse("2026-06-28");
    public static final LocalDate DAY_1 = LocalDate.parse("2026-06-29");
    public static final LocalDate DAY_2 = LocalDate.parse("2026-06-30");
    /** A fourth delivery, for a night that must bring something new after the others: prices of a new month. */
    public static final LocalDate DAY_3 = LocalDate.parse("2026-07-01");

    private static final String CAPEX = "record_id,operator_id,country_iso,period_date,asset_class,amount,currency,"
            + "updated_at\n";
    private static final String PRICES = "zone,country_iso,interval_start,interval_minutes,price,currency,market\n";

    private SmallDeliveries() { }

    /** Writes the four deliveries under {@code root} (the landing zone layout) and returns the fixture. */
    public static LandingFixture write(Path root) {
        LandingFixture landing = new LandingFixture(root);
        landing.text("telco_capex", HISTORY.toString(), "capex.csv", CAPEX + """
                C1,SKT,KR,2025-03-01,AI_COMPUTE,1200000000,KRW,2026-06-01T00:00:00Z
                C2,SKT,KR,2025-06-01,RAN,800000000,KRW,2026-06-01T00:00:00Z
                C3,KT,KR,2025-09-01,AI_DATACENTER,500000000,KRW,2026-06-01T00:00:00Z
                C4,DTAG,DE,2025-03-01,FIBER,900000,EUR,2026-06-01T00:00:00Z
                C5,DTAG,DE,2026-01-01,AI_COMPUTE,400000,EUR,2026-06-01T00:00:00Z
                C6,MSFT,US,2026-02-01,AI_DATACENTER,3000000,USD,2026-06-01T00:00:00Z
                C7,SOFTBANK,JP,2026-03-01,AI_COMPUTE,150000000,JPY,2026-06-01T00:00:00Z
                C8,KT,KR,2026-04-01,RAN,90000000,KRW,2026-06-01T00:00:00Z
                C9,SKT,KR,2026-04-15,RAN,1000,KRW,2026-06-01T00:00:00Z
                """);
        landing.text("telco_capex", DAY_1.toString(), "capex.csv", CAPEX + """
                C1,SKT,KR,2025-03-01,AI_COMPUTE,1300000000,KRW,2026-06-29T00:00:00Z
                C10,KDDI,JP,2026-05-01,AI_DATACENTER,80000000,JPY,2026-06-29T00:00:00Z
                """);
        // C2 restated into the next quarter.
        landing.text("telco_capex", DAY_2.toString(), "capex.csv", CAPEX + """
                C2,SKT,KR,2025-07-01,RAN,850000000,KRW,2026-06-30T00:00:00Z
                """);
        landing.gzip("energy_prices", HISTORY.toString(), "prices.csv.gz", PRICES + """
                KR,KR,2025-06-10T00:00:00Z,60,120000,KRW,DAY_AHEAD
                KR,KR,2025-06-10T01:00:00Z,60,118000,KRW,DAY_AHEAD
                KR,KR,2025-12-10T00:00:00Z,60,130000,KRW,DAY_AHEAD
                KR,KR,2026-03-10T00:00:00Z,60,125000,KRW,DAY_AHEAD
                DE-LU,DE,2025-06-10T00:00:00Z,60,85.5,EUR,DAY_AHEAD
                DE-LU,DE,2025-12-10T00:00:00Z,60,95,EUR,DAY_AHEAD
                DE-LU,DE,2026-03-10T00:00:00Z,60,70.25,EUR,DAY_AHEAD
                DE-LU,DE,2026-03-10T00:00:00Z,60,72,EUR,INTRADAY
                JP-KS,JP,2026-03-10T00:00:00Z,1440,14.5,JPY,DAY_AHEAD
                KR,KR,2026-03-10T02:00:00Z,45,125000,KRW,DAY_AHEAD
                """);
        // A re-sent price with a new value, and the next hours.
        landing.text("energy_prices", DAY_1.toString(), "prices.csv", PRICES + """
                DE-LU,DE,2026-03-10T00:00:00Z,60,71.5,EUR,DAY_AHEAD
                KR,KR,2026-06-29T00:00:00Z,60,140000,KRW,DAY_AHEAD
                """);
        landing.text("energy_prices", DAY_2.toString(), "prices.csv", PRICES + """
                DE-LU,DE,2026-06-30T00:00:00Z,60,88,EUR,DAY_AHEAD
                KR,KR,2026-06-30T00:00:00Z,60,142000,KRW,DAY_AHEAD
                """);
        landing.jsonLines("gpu_shipments", HISTORY.toString(), "shipments.jsonl",
                shipment("G1", "2025-02-10", "NVIDIA", "H100", 512, "30000", "USD", "SKT", "KR", "SKT-GASAN-AIDC"),
                shipment("G2", "2025-05-10", "AMD", "MI300X", 256, "15000", "USD", "MSFT", "US", null),
                shipment("G3", "2025-08-10", "NVIDIA", "H200", 128, "45000000", "KRW", "KT", "KR",
                        "KT-MOKDONG-AIDC"),
                shipment("G4", "2025-11-10", "HUAWEI", "ASCEND_910B", 1024, "12000", "USD", "CMCC", "CN", null),
                shipment("G5", "2026-01-20", "NVIDIA", "B200", 64, "40000", "USD", "DTAG", "DE", "DTAG-MUNICH-IAC"),
                shipment("G6", "2026-02-20", "NVIDIA", "H100", 300, null, "USD", "SOFTBANK", "JP",
                        "SOFTBANK-SAKAI-AIDC"),
                shipment("G7", "2026-04-20", "AMD", "MI325X", 96, "20000", "USD", "MSFT", "US", null),
                shipment("G8", "2026-05-20", "NVIDIA", "H100", 0, "30000", "USD", "SKT", "KR", null));
        // G3's units corrected, one more shipment.
        landing.jsonLines("gpu_shipments", DAY_1.toString(), "shipments.jsonl",
                shipment("G3", "2025-08-10", "NVIDIA", "H200", 160, "45000000", "KRW", "KT", "KR",
                        "KT-MOKDONG-AIDC"),
                shipment("G9", "2026-06-20", "NVIDIA", "GB200", 72, "60000", "USD", "SKT", "KR", "SKT-GASAN-AIDC"));
        landing.jsonLines("gpu_shipments", DAY_2.toString(), "shipments.jsonl",
                shipment("G7", "2026-04-20", "AMD", "MI325X", 128, "20000", "USD", "MSFT", "US", null),
                shipment("G10", "2026-06-25", "INTEL", "GAUDI3", 32, "15000", "USD", "DTAG", "DE", null));
        landing.text("energy_prices", DAY_3.toString(), "prices.csv", PRICES + """
                KR,KR,2026-07-01T00:00:00Z,60,139000,KRW,DAY_AHEAD
                KR,KR,2026-07-01T01:00:00Z,60,137000,KRW,DAY_AHEAD
                """);
        return landing;
    }

    private static String shipment(String id, String date, String vendor, String product, int units, String price,
                                   String currency, String buyer, String country, String site) {
        return "{\"shipment_id\":\"" + id + "\",\"ship_date\":\"" + date + "\",\"vendor\":\"" + vendor
                + "\",\"product\":\"" + product + "\",\"units\":" + units + ",\"unit_price\":"
                + (price == null ? "null" : price) + ",\"currency\":\"" + currency + "\",\"buyer_id\":\"" + buyer
                + "\",\"destination_country_iso\":\"" + country + "\",\"site_id\":"
                + (site == null ? "null" : "\"" + site + "\"") + "}";
    }
}
