package org.telcoai.lakehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RunDatesTest {

    private final RunDates dates = new RunDates();

    @Test
    void isoDatesAndTheTwoUtcKeywords() {
        assertEquals(LocalDate.of(2026, 6, 30), dates.convert("2026-06-30"));
        // The clock is read around the calls, so a run across midnight UTC cannot fail.
        LocalDate before = RunDates.todayUtc();
        LocalDate yesterday = dates.convert("yesterday");
        LocalDate today = dates.convert("today");
        LocalDate after = RunDates.todayUtc();
        assertTrue(today.equals(before) || today.equals(after), today + " between " + before + " and " + after);
        assertTrue(yesterday.equals(before.minusDays(1)) || yesterday.equals(after.minusDays(1)), yesterday.toString());
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : new String[] {"Yesterday", "tomorrow", "2026-6-30", "2026-02-30", " today"}) {
            assertThrows(IllegalArgumentException.class, () -> dates.convert(bad), bad);
        }
    }
}
