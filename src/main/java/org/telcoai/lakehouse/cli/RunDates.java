package org.telcoai.lakehouse.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;

/**
 * Strict YYYY-MM-DD for --run-date and friends, or {@code today} / {@code yesterday} (UTC) for schedulers that
 * cannot compute a date (a crontab, a ScheduledSparkApplication); anything else is a usage error.
 */
public final class RunDates implements ITypeConverter<LocalDate> {

    @Override
    public LocalDate convert(String value) {
        if (value.equals("today")) {
            return todayUtc();
        }
        if (value.equals("yesterday")) {
            return todayUtc().minusDays(1);
        }
        if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new IllegalArgumentException("expected a date YYYY-MM-DD, today or yesterday, got '" + value + "'");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a calendar date: '" + value + "'");
        }
    }

    public static LocalDate todayUtc() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
