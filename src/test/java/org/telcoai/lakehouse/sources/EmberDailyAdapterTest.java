package org.telcoai.lakehouse.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telcoai.lakehouse.testing.SharedData;

class EmberDailyAdapterTest {

    private final EmberDailyAdapter adapter = new EmberDailyAdapter();

    @Test
    void writesOneDailyRowPerCountryAndDayAtUtcMidnight(@TempDir Path landing) throws Exception {
        ImportResult result = LandingRows.run(adapter, Path.of("src/test/resources/sources/ember-daily-sample.csv"),
                landing);

        assertEquals(8, result.rowsRead());
        assertEquals(Map.of("energy_prices", 8L), result.rowsWritten());
        assertEquals(Map.of(), result.rowsSkipped());
        assertEquals(List.of(LandingRows.HEADER,
                "DE-DAILY,DE,2016-10-30T00:00Z,1440,25.10,EUR,DAY_AHEAD",
                "IE-DAILY,IE,2016-10-30T00:00Z,1440,41.00,EUR,DAY_AHEAD",
                // the DST-day duplicate with a different price is kept: both rows, same key
                "GB-DAILY,GB,2016-10-30T00:00Z,1440,45.57,EUR,DAY_AHEAD",
                "GB-DAILY,GB,2016-10-30T00:00Z,1440,47.63,EUR,DAY_AHEAD",
                "FI-DAILY,FI,2023-11-24T00:00Z,1440,-202.29,EUR,DAY_AHEAD",
                "MK-DAILY,MK,2025-03-09T00:00Z,1440,,EUR,DAY_AHEAD",
                // no ISO alpha-2 for the user-assigned XKX: as received, validation rejects the country
                "XKX-DAILY,XKX,2025-03-09T00:00Z,1440,60.00,EUR,DAY_AHEAD",
                "AT-DAILY,AT,2025-02-30,1440,80.00,EUR,DAY_AHEAD"),
                LandingRows.lines(landing, "ember-daily", "ember-daily-sample"));
    }

    @Test
    void realFileRowsReadMatchSourceMd(@TempDir Path landing) throws Exception {
        Path file = SharedData.file("ember_eu_daily_prices", "european_wholesale_electricity_price_data_daily.csv");

        ImportResult result = LandingRows.run(adapter, file, landing);

        assertEquals(114_808, result.rowsRead()); // SOURCE.md: 114,808 data rows + header
        assertEquals(result.rowsRead(),
                LandingRows.total(result.rowsWritten()) + LandingRows.total(result.rowsSkipped()));
        // all 31 ISO3 codes map to an alpha-2 code
        List<String> lines = LandingRows.lines(landing, "ember-daily",
                "european_wholesale_electricity_price_data_daily");
        assertEquals(0, lines.subList(1, lines.size()).stream()
                .filter(l -> !l.matches("^[A-Z]{2}-DAILY,[A-Z]{2},.*")).count());
        assertEquals(31, lines.subList(1, lines.size()).stream().map(l -> l.substring(0, 2)).distinct().count());
        System.out.println("ember-daily real file: " + result);
    }
}
