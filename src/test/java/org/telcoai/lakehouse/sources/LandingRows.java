package org.telcoai.lakehouse.sources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Test helper: runs an adapter into a temporary landing folder and reads back what it wrote. */
final class LandingRows {

    static final LocalDate DELIVERY = LocalDate.of(2026, 11, 29);
    static final String HEADER = "zone,country_iso,interval_start,interval_minutes,price,currency,market";

    private LandingRows() { }

    static ImportResult run(SourceAdapter adapter, Path input, Path landing) throws IOException {
        try (LandingWriter out = new LandingWriter(landing, DELIVERY, adapter.name())) {
            return adapter.convert(input, out);
        }
    }

    /** Lines of one landing file (header included). */
    static List<String> lines(Path landing, String adapter, String fileName) throws IOException {
        return Files.readAllLines(landing.resolve("energy_prices").resolve(DELIVERY.toString())
                .resolve(adapter + "-" + fileName + ".csv"), StandardCharsets.UTF_8);
    }

    /** Names of all landing files written. */
    static List<String> files(Path landing) throws IOException {
        try (Stream<Path> s = Files.list(landing.resolve("energy_prices").resolve(DELIVERY.toString()))) {
            return new ArrayList<>(s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    static long total(java.util.Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
