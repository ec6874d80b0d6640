package org.telcoai.lakehouse.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.telcoai.lakehouse.bronze.Lineage;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.landing.LandingZone;
import org.telcoai.lakehouse.ops.IngestLog;
import org.telcoai.lakehouse.silver.Validation;
import org.telcoai.lakehouse.testing.LandingFixture;
import org.telcoai.lakehouse.testing.SharedSpark;
import org.telcoai.lakehouse.warehouse.Warehouse;

/**
 * One delivery of hostile and broken files, ingested in one run: every file is either logged REJECTED with its
 * reason (and the run goes on) or ingested with each of its rows in silver, in quarantine with a reason, or
 * superseded by a later row of the same key. Generated here rather than shipped: a 10 MB line and broken binary
 * files do not belong in the repository.
 */
class BadInputCorpusTest {

    private static final String DAY = "2026-02-02";
    private static final String HEADER = "zone,country_iso,interval_start,interval_minutes,price,currency,market\n";
    private static final String GOOD = "DE-LU,DE,2026-02-01T%02d:00:00Z,60,80.5,EUR,DAY_AHEAD\n";

    private static Warehouse warehouse;
    private static Map<String, Row> log;

    @BeforeAll
    static void ingestTheCorpus() {
        SharedSpark.resetWarehouse();
        warehouse = SharedSpark.warehouse();
        LandingFixture landing = new LandingFixture(SharedSpark.newTempDir("landing-corpus-"));
        landing.defaultReferences(DAY);
        landing.truncatedGzip("energy_prices", DAY, "truncated.csv.gz", HEADER + good(0).repeat(200));
        landing.bytes("energy_prices", DAY, "binary.csv", new byte[] {'z', 'o', 0, 0, 7, (byte) 0xFF, 0, 1});
        landing.text("energy_prices", DAY, "empty.csv", "");
        landing.text("energy_prices", DAY, "header_only.csv", HEADER);
        landing.text("energy_prices", DAY, "misspelled.csv", HEADER.replace("interval_start", "interval_strat")
                + good(1));
        landing.text("energy_prices", DAY, "extra_column.csv", HEADER.replace("\n", ",note\n")
                + good(2).replace("\n", ",hello\n"));
        landing.text("energy_prices", DAY, "bom_crlf.csv", ("\uFEFF" + HEADER + good(3) + good(4))
                .replace("\n", "\r\n"));
        landing.text("energy_prices", DAY, "quoted.csv", HEADER
                + "\"DE,LU\nNORTH\",DE,2026-02-01T05:00:00Z,60,\"81.25\",EUR,DAY_AHEAD\n");
        landing.text("energy_prices", DAY, "long_line.csv", HEADER + "x".repeat(10 * 1024 * 1024) + "\n" + good(6));
        byte[] invalidUtf8 = (HEADER + "DE-LU,D\u00c3,2026-02-01T07:00:00Z,60,80,EUR,DAY_AHEAD\n" + good(8))
                .getBytes(StandardCharsets.ISO_8859_1);
        invalidUtf8[HEADER.length() + 7] = (byte) 0xC3; // a lead byte followed by ',' is not UTF-8
        landing.bytes("energy_prices", DAY, "invalid_utf8.csv", invalidUtf8);
        byte[] invalidUtf8Text = (HEADER + "N\u00c3RD,DE,2026-02-01T07:00:00Z,60,80,EUR,DAY_AHEAD\n" + good(15))
                .getBytes(StandardCharsets.ISO_8859_1);
        invalidUtf8Text[HEADER.length() + 1] = (byte) 0xC3; // a lead byte followed by 'R' is not UTF-8 either
        landing.bytes("energy_prices", DAY, "invalid_utf8_text.csv", invalidUtf8Text);
        // Delivered on the 2nd: a day-ahead price for the 4th is expected, one for the 5th is not; nor 1989.
        landing.text("energy_prices", DAY, "dates_out_of_range.csv", HEADER
                + "DE-LU,DE,1989-12-31T23:00:00Z,60,80,USD,DAY_AHEAD\n"
                + "DE-LU,DE,2026-02-05T00:00:00Z,60,80,EUR,DAY_AHEAD\n"
                + "DE-LU,DE,2026-02-04T23:00:00Z,60,80,EUR,DAY_AHEAD\n"
                + good(16));
        landing.text("energy_prices", DAY, "not_numbers.csv", HEADER
                + "DE-LU,DE,2026-02-01T09:00:00Z,60,NaN,EUR,DAY_AHEAD\n"
                + "DE-LU,DE,2026-02-01T10:00:00Z,60,Infinity,EUR,DAY_AHEAD\n"
                + "DE-LU,DE,2026-02-01T11:00:00Z,60,-Infinity,EUR,DAY_AHEAD\n"
                + "DE-LU,DE,2026-02-01T12:00:00Z,60,123456789012345678901234,EUR,DAY_AHEAD\n"
                + good(13));
        landing.text("energy_prices", DAY, "duplicate_keys.csv", HEADER + good(14)
                + good(14).replace("80.5", "99.0"));
        landing.jsonLines("gpu_shipments", DAY, "broken_line.jsonl",
                "{\"shipment_id\":\"G1\",\"ship_date\":\"2026-01-15\",\"vendor\":\"NVIDIA\",\"product\":\"H200\","
                        + "\"units\":8,\"unit_price\":30000,\"currency\":\"USD\",\"buyer_id\":\"MSFT\","
                        + "\"destination_country_iso\":\"US\"}",
                "{\"shipment_id\":\"G2\",\"ship_date\":\"2026-01-",
                "{\"shipment_id\":\"G3\",\"ship_date\":\"2026-01-16\",\"vendor\":\"AMD\",\"product\":\"MI300X\","
                        + "\"units\":2,\"unit_price\":20000,\"currency\":\"USD\",\"buyer_id\":\"MSFT\","
                        + "\"destination_country_iso\":\"US\"}");
        landing.jsonLines("gpu_shipments", DAY, "future_shipment.jsonl",
                "{\"shipment_id\":\"G4\",\"ship_date\":\"2026-02-03\",\"vendor\":\"AMD\",\"product\":\"MI300X\","
                        + "\"units\":2,\"unit_price\":20000,\"currency\":\"USD\",\"buyer_id\":\"MSFT\","
                        + "\"destination_country_iso\":\"US\"}");
        new IngestJob(warehouse, new LandingZone(landing.rootPath(),
                SharedSpark.spark().sparkContext().hadoopConfiguration()), "run-corpus")
                .run(LocalDate.parse(DAY), Datasets.ALL);
        log = new TreeMap<>();
        for (Row row : warehouse.read(IngestLog.TABLE).collectAsList()) {
            String path = row.getAs("file_path");
            log.put(path.substring(path.lastIndexOf('/') + 1), row);
        }
    }

    private static String good(int hour) {
        return String.format(GOOD, hour);
    }

    @Test
    void unreadableFilesAreRejectedWithTheirReasonAndTheRunGoesOn() {
        assertEquals("REJECTED UNREADABLE", status("truncated.csv.gz"));
        assertEquals("REJECTED BINARY_CONTENT", status("binary.csv"));
        assertEquals("REJECTED EMPTY_FILE", status("empty.csv"));
        assertEquals("REJECTED BAD_HEADER", status("misspelled.csv"));
        assertTrue(message("misspelled.csv").contains("interval_start"), message("misspelled.csv"));
        assertEquals(0, warehouse.read("bronze.energy_prices").where(col(Lineage.SOURCE_FILE).rlike(
                "(truncated|binary|empty|misspelled)\\.csv")).count(), "no row of a rejected file");
    }

    @Test
    void readableFilesAreIngestedWithEveryRowAccountedFor() {
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("header_only.csv", "INGESTED 0 = 0 + 0"),
                Map.entry("extra_column.csv", "INGESTED 1 = 1 + 0"),
                Map.entry("bom_crlf.csv", "INGESTED 2 = 2 + 0"),
                Map.entry("quoted.csv", "INGESTED 1 = 1 + 0"),
                Map.entry("long_line.csv", "INGESTED 2 = 1 + 1"),
                Map.entry("invalid_utf8.csv", "INGESTED 2 = 1 + 1"),
                Map.entry("invalid_utf8_text.csv", "INGESTED 2 = 1 + 1"),
                Map.entry("not_numbers.csv", "INGESTED 5 = 1 + 4"),
                Map.entry("dates_out_of_range.csv", "INGESTED 4 = 2 + 2"),
                Map.entry("duplicate_keys.csv", "INGESTED 2 = 2 + 0"),
                Map.entry("broken_line.jsonl", "INGESTED 3 = 2 + 1"),
                Map.entry("future_shipment.jsonl", "INGESTED 1 = 0 + 1")));
        Map<String, String> actual = new TreeMap<>();
        for (String file : expected.keySet()) {
            Row entry = log.get(file);
            actual.put(file, entry.getAs("status") + " " + entry.getAs("rows_read") + " = "
                    + entry.getAs("rows_accepted") + " + " + entry.getAs("rows_quarantined"));
        }
        assertEquals(expected, actual);
        assertTrue(message("extra_column.csv").contains("note"), message("extra_column.csv"));
    }

    @Test
    void rowLevelProblemsAreQuarantinedWithAReason() {
        Map<String, String> reasons = new TreeMap<>();
        for (String table : List.of("quarantine.energy_prices", "quarantine.gpu_shipments")) {
            for (Row row : warehouse.read(table).collectAsList()) {
                String file = row.getAs(Lineage.SOURCE_FILE);
                reasons.put(file.substring(file.lastIndexOf('/') + 1) + ":" + row.getAs(Lineage.ROW_NUMBER),
                        row.getList(row.fieldIndex(Validation.REASONS)).toString());
            }
        }
        assertEquals(new TreeMap<>(Map.ofEntries(
                Map.entry("long_line.csv:1", "[MALFORMED_ROW]"),
                Map.entry("invalid_utf8.csv:1", "[BAD_COUNTRY]"),
                Map.entry("invalid_utf8_text.csv:1", "[BAD_ENCODING]"),
                Map.entry("not_numbers.csv:1", "[BAD_NUMBER]"),
                Map.entry("not_numbers.csv:2", "[BAD_NUMBER]"),
                Map.entry("not_numbers.csv:3", "[BAD_NUMBER]"),
                Map.entry("not_numbers.csv:4", "[BAD_NUMBER]"),
                Map.entry("dates_out_of_range.csv:1", "[DATE_OUT_OF_RANGE]"),
                Map.entry("dates_out_of_range.csv:2", "[DATE_OUT_OF_RANGE]"),
                Map.entry("broken_line.jsonl:2", "[MALFORMED_ROW]"),
                Map.entry("future_shipment.jsonl:1", "[DATE_OUT_OF_RANGE]"))), reasons);
    }

    @Test
    void everyGoodRowReachesSilverAsWritten() {
        Map<String, String> prices = warehouse.read("silver.energy_prices").collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("zone") + " " + r.<java.sql.Timestamp>getAs("interval_start").toInstant(),
                        r -> r.getAs("price").toString(), (a, b) -> a + " and " + b, TreeMap::new));
        // Hours 2, 3, 4, 6, 8, 13, 14 (the later of its two rows), 15 and 16 under DE-LU, the day-ahead price
        // for the 4th; the quoted zone kept whole.
        assertEquals(11, prices.size(), prices.toString());
        assertEquals("80.0000", prices.get("DE-LU 2026-02-04T23:00:00Z"), prices.toString());
        assertEquals("99.0000", prices.get("DE-LU 2026-02-01T14:00:00Z"), prices.toString());
        assertEquals("81.2500", prices.get("DE,LU\nNORTH 2026-02-01T05:00:00Z"), prices.toString());
        assertEquals(List.of("G1", "G3"), warehouse.read("silver.gpu_shipments").orderBy("shipment_id")
                .collectAsList().stream().map(r -> r.<String>getAs("shipment_id")).toList());
    }

    private static String status(String file) {
        Row entry = log.get(file);
        String message = entry.getAs("message");
        return entry.getAs("status") + " " + (message == null ? "" : message.split(":")[0]);
    }

    private static String message(String file) {
        return log.get(file).getAs("message");
    }
}
