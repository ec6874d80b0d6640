package org.telcoai.lakehouse.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telcoai.lakehouse.testing.SharedData;

class EnerginetElspotAdapterTest {

    private final EnerginetElspotAdapter adapter = new EnerginetElspotAdapter();

    @Test
    void convertsDecimalCommaAndUtcHoursAndKeepsBadCellsForQuarantine(@TempDir Path landing) throws Exception {
        Path input = Path.of("src/test/resources/sources/elspotprices-sample.csv");

        ImportResult result = LandingRows.run(adapter, input, landing);

        assertEquals(6, result.rowsRead());
        assertEquals(Map.of("energy_prices", 6L), result.rowsWritten());
        assertEquals(Map.of(), result.rowsSkipped());
        // Newest first as in the source; HourDK repeats 02:00 on the DST change but HourUTC does not.
        assertEquals(List.of(LandingRows.HEADER,
                "DK2,DK,2021-10-31T02:00Z,60,44.020000,EUR,DAY_AHEAD",
                "DK2,DK,2021-10-31T01:00Z,60,40.330002,EUR,DAY_AHEAD",
                "DK2,DK,2021-10-31T00:00Z,60,-2.000000,EUR,DAY_AHEAD",
                "DK2,DK,2021-10-30T23:00Z,60,N/A,EUR,DAY_AHEAD",
                "DK1,DK,2021-10-30T22:00Z,60,,EUR,DAY_AHEAD",
                "DK2,DK,2021-10-30T21:00Z,60,871.000000,EUR,DAY_AHEAD"),
                LandingRows.lines(landing, "energinet-elspot", "elspotprices-sample"));
    }

    @Test
    void leavesOtherShapesAsReceived() {
        assertEquals("1.234,5", EnerginetElspotAdapter.decimalPoint("1.234,5"));
        assertEquals("12", EnerginetElspotAdapter.decimalPoint("12"));
        assertEquals("2021-10-31T02:00", EnerginetElspotAdapter.hourUtc("2021-10-31T02:00"));
    }

    @Test
    void realFileRowsReadMatchSourceMd(@TempDir Path landing) throws Exception {
        Path file = SharedData.file("energinet_dk2_hourly", "Elspotprices.csv");

        ImportResult result = LandingRows.run(adapter, file, landing);

        assertEquals(50_831, result.rowsRead()); // SOURCE.md: 50,831 rows + header
        assertEquals(result.rowsRead(),
                LandingRows.total(result.rowsWritten()) + LandingRows.total(result.rowsSkipped()));
        System.out.println("energinet-elspot real file: " + result);
    }
}
