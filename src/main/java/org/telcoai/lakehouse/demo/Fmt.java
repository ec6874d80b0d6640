package org.telcoai.lakehouse.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/** Allocation-light formatting: millions of price rows must not go through String.format. */
final class Fmt {
    private Fmt() {
    }

    /** Fixed two decimals, e.g. -12.5 -> "-12.50". */
    static String dec2(double v) {
        long c = Math.round(v * 100.0);
        StringBuilder sb = new StringBuilder(16);
        if (c < 0) {
            sb.append('-');
            c = -c;
        }
        sb.append(c / 100).append('.');
        long f = c % 100;
        if (f < 10) {
            sb.append('0');
        }
        return sb.append(f).toString();
    }

    static String date(LocalDate d) {
        StringBuilder sb = new StringBuilder(10);
        appendDate(sb, d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        return sb.toString();
    }

    /** ISO-8601 instant in UTC with a Z suffix, second precision. */
    static String utc(long epochSecond) {
        return withOffset(epochSecond, ZoneOffset.UTC);
    }

    /** ISO-8601 local date-time of the instant in {@code rules}' zone, with that zone's offset (Z when zero). */
    static String local(long epochSecond, ZoneRules rules) {
        return withOffset(epochSecond, rules.getOffset(java.time.Instant.ofEpochSecond(epochSecond)));
    }

    static String withOffset(long epochSecond, ZoneOffset off) {
        long local = epochSecond + off.getTotalSeconds();
        long day = Math.floorDiv(local, 86400L);
        int sod = (int) Math.floorMod(local, 86400L);
        LocalDate d = LocalDate.ofEpochDay(day);
        StringBuilder sb = new StringBuilder(25);
        appendDate(sb, d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        sb.append('T');
        two(sb, sod / 3600);
        sb.append(':');
        two(sb, (sod / 60) % 60);
        sb.append(':');
        two(sb, sod % 60);
        sb.append(off.getId()); // "Z" or "+09:00"
        return sb.toString();
    }

    private static void appendDate(StringBuilder sb, int y, int m, int d) {
        sb.append(y).append('-');
        two(sb, m);
        sb.append('-');
        two(sb, d);
    }

    private static void two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        sb.append(v);
    }
}
