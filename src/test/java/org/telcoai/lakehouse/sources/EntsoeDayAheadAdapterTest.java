package org.telcoai.lakehouse.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telcoai.lakehouse.testing.SharedData;

class EntsoeDayAheadAdapterTest {

    private final EntsoeDayAheadAdapter adapter = new EntsoeDayAheadAdapter();

    @Test
    void convertsAFolderKeepingDaylightSavingVisible(@TempDir Path landing) throws Exception {
        ImportResult result = LandingRows.run(adapter, Path.of("src/test/resources/sources/entsoe"), landing);

        assertEquals(15, result.rowsRead());
        assertEquals(Map.of("energy_prices", 15L), result.rowsWritten());
        assertEquals(Map.of(), result.rowsSkipped());
        assertEquals(List.of("entsoe-day-ahead-BE_day_ahead_prices_2016.csv",
                "entsoe-day-ahead-Day_ahead_Prices_2015_france.csv"), LandingRows.files(landing));
        // Zone from the file name (BE exports have no zone column).
        assertEquals(List.of(LandingRows.HEADER,
                "BE,BE,2016-03-27T00:00Z,60,9.16,EUR,DAY_AHEAD",
                // spring-forward: 02:00 does not exist locally; not shifted, lands in quarantine (no offset)
                "BE,BE,2016-03-27T02:00,60,,EUR,DAY_AHEAD",
                "BE,BE,2016-03-27T01:00Z,60,10.50,EUR,DAY_AHEAD",
                "BE,BE,2016-10-29T23:00Z,60,42.87,EUR,DAY_AHEAD",
                // fall-back: the repeated 02:00 hour becomes two distinct instants, CEST first then CET
                "BE,BE,2016-10-30T00:00Z,60,38.62,EUR,DAY_AHEAD",
                "BE,BE,2016-10-30T01:00Z,60,38.05,EUR,DAY_AHEAD",
                "BE,BE,2016-10-30T02:00Z,60,31.40,EUR,DAY_AHEAD",
                "BE,BE,2016-12-31T22:00Z,60,34.94,EUR,DAY_AHEAD"),
                LandingRows.lines(landing, "entsoe-day-ahead", "BE_day_ahead_prices_2016"));
        // Zone from the header's BZN|FR column.
        assertEquals(List.of(LandingRows.HEADER,
                "FR,FR,2014-12-31T23:00Z,60,N/A,EUR,DAY_AHEAD",
                "FR,FR,2015-10-25T00:00Z,60,30.00,EUR,DAY_AHEAD",
                "FR,FR,2015-10-25T01:00Z,60,29.00,EUR,DAY_AHEAD",
                // a third 02:00 cannot be told apart: local time without offset, quarantined by validation
                "FR,FR,2015-10-25T02:00,60,28.00,EUR,DAY_AHEAD",
                "FR,FR,2015-12-31T22:00Z,60,-5.10,EUR,DAY_AHEAD",
                "FR,FR,31.02.2015 10:00 - 31.02.2015 11:00,,7.00,EUR,DAY_AHEAD",
                "FR,FR,not a time,,1.00,EUR,DAY_AHEAD"),
                LandingRows.lines(landing, "entsoe-day-ahead", "Day_ahead_Prices_2015_france"));
    }

    @Test
    void refusesAFileThatNamesNoZone(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("prices.csv");
        Files.writeString(file, "\"MTU (CET)\",\"Day-ahead Price [EUR/MWh]\"\n\"01.01.2015 00:00 - 01.01.2015 01:00\",\"1\"\n");
        assertThrows(IOException.class, () -> LandingRows.run(adapter, file, tmp.resolve("landing")));
    }

    @Test
    void realFilesRowsReadMatchSourceMd(@TempDir Path landing) throws Exception {
        Path data = SharedData.folder("entsoe_be_fr_hourly");

        ImportResult result = LandingRows.run(adapter, data, landing);

        assertEquals(122_750, result.rowsRead()); // SOURCE.md: 122,750 rows over 14 files
        assertEquals(result.rowsRead(),
                LandingRows.total(result.rowsWritten()) + LandingRows.total(result.rowsSkipped()));
        List<String> files = LandingRows.files(landing);
        assertEquals(14, files.size());
        // SOURCE.md: one spring-forward 02:00 hour per file, the only rows whose local time has no UTC instant;
        // the fall-back duplicates all map to distinct instants.
        long withoutOffset = 0;
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (String f : files) {
            List<String> lines = LandingRows.lines(landing, "entsoe-day-ahead",
                    f.substring("entsoe-day-ahead-".length(), f.length() - ".csv".length()));
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                if (!cells[2].endsWith("Z")) {
                    withoutOffset++;
                } else {
                    keys.add(cells[0] + "|" + cells[2]);
                }
            }
        }
        assertEquals(14, withoutOffset);
        assertEquals(122_750 - 14, keys.size());
        System.out.println("entsoe-day-ahead real files: " + result);
    }
}
