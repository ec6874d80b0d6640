package org.telcoai.lakehouse.sources;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ENTSO-E Transparency Platform "Day-ahead Prices" CSV export (web UI): every field quoted, header
 * {@code "MTU (CET)","Day-ahead Price [EUR/MWh]"[,"BZN|XX"]}, MTU as {@code DD.MM.YYYY HH:MM - DD.MM.YYYY HH:MM}
 * on the CET/CEST clock. {@code --input} is one export or a folder of them (e.g. one per zone and year).
 *
 * <p>Zone: the header's {@code BZN|XX} column when present, else the {@code XX_} prefix of the file name
 * (BE exports carry no zone at all); country = the zone's first two letters. A file naming no zone is refused.
 *
 * <p>interval_start is the MTU start converted from CET/CEST to UTC ({@code Z}); interval_minutes is the MTU
 * length on the local clock. Daylight saving stays visible, never patched:
 * <ul>
 *   <li>fall-back: the export lists the repeated local hour twice, in time order; the first occurrence is
 *       mapped to the summer offset (+02:00), the second to the winter offset (+01:00) — two distinct UTC
 *       instants. A third occurrence cannot be mapped and is written as the local time without offset;</li>
 *   <li>spring-forward: the export lists the non-existent 02:00 hour (with an empty price); it is written as the
 *       local time without offset rather than shifted onto the next hour.</li>
 * </ul>
 * A timestamp without offset, an MTU that cannot be parsed (written as received), an empty or {@code N/A}
 * price all fail the ingest's validation, so those rows land in quarantine with a reason code. No row is
 * skipped here.
 */
public final class EntsoeDayAheadAdapter implements SourceAdapter {

    static final String DATASET = "energy_prices";
    /** Brussels follows the EU CET/CEST rules the export's "(CET)" clock uses (BE, FR, NL, DE, ... alike). */
    static final ZoneId CET_CEST = ZoneId.of("Europe/Brussels");
    private static final String MTU = "MTU (CET)";
    private static final String PRICE = "Day-ahead Price [EUR/MWh]";
    private static final Pattern MTU_RANGE = Pattern.compile(
            "^(\\d{2})\\.(\\d{2})\\.(\\d{4}) (\\d{2}):(\\d{2}) - (\\d{2})\\.(\\d{2})\\.(\\d{4}) (\\d{2}):(\\d{2})$");
    private static final Pattern ZONE_COLUMN = Pattern.compile("^BZN\\|([A-Z]{2}[A-Za-z0-9-]*)$");
    private static final Pattern ZONE_PREFIX = Pattern.compile("^([A-Z]{2})_.*");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'", Locale.ROOT);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

    @Override
    public String name() {
        return "entsoe-day-ahead";
    }

    @Override
    public String description() {
        return "ENTSO-E Transparency day-ahead price exports (MTU on CET/CEST), a file or a folder of them";
    }

    @Override
    public ImportResult convert(Path input, LandingWriter out) throws IOException {
        long read = SourceCsv.readRows(input, ',', (file, landingName, header) -> {
            int[] idx = SourceCsv.indexes(file, header, MTU, PRICE);
            String zone = zone(file, header);
            String country = zone.substring(0, 2);
            Map<LocalDateTime, Integer> seen = new HashMap<>();
            return row -> {
                String mtu = SourceCsv.cell(row, idx[0]).strip();
                String start = mtu;
                String minutes = "";
                Matcher m = MTU_RANGE.matcher(mtu);
                if (m.matches()) {
                    LocalDateTime from = local(m, 1);
                    LocalDateTime to = local(m, 6);
                    if (from != null && to != null) {
                        minutes = Long.toString(Duration.between(from, to).toMinutes());
                        start = intervalStart(from, seen.merge(from, 1, Integer::sum));
                    }
                }
                out.write(DATASET, landingName, List.of(zone, country, start, minutes,
                        SourceCsv.cell(row, idx[1]).strip(), "EUR", "DAY_AHEAD"));
            };
        });
        return new ImportResult(read, out.rowsWritten(), SourceCsv.counter());
    }

    /**
     * The UTC start of a local CET/CEST time, given that this is its {@code occurrence}-th appearance in the file;
     * the local time without offset (so validation rejects it) when it does not exist or cannot be told apart.
     */
    static String intervalStart(LocalDateTime local, int occurrence) {
        ZoneRules rules = CET_CEST.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        ZoneOffset offset;
        if (offsets.size() == 1) {
            offset = offsets.get(0);
        } else if (offsets.size() == 2 && occurrence <= 2) {
            ZoneOffsetTransition overlap = rules.getTransition(local);
            offset = occurrence == 1 ? overlap.getOffsetBefore() : overlap.getOffsetAfter();
        } else {
            return LOCAL.format(local);
        }
        return UTC.format(local.atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static LocalDateTime local(Matcher m, int group) {
        try {
            int hour = Integer.parseInt(m.group(group + 3));
            int minute = Integer.parseInt(m.group(group + 4));
            LocalDate day = LocalDate.of(Integer.parseInt(m.group(group + 2)), Integer.parseInt(m.group(group + 1)),
                    Integer.parseInt(m.group(group)));
            if (hour == 24 && minute == 0) {
                return day.plusDays(1).atStartOfDay();
            }
            return day.atTime(LocalTime.of(hour, minute));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    static String zone(Path file, String[] header) throws IOException {
        for (String name : header) {
            Matcher m = ZONE_COLUMN.matcher(name == null ? "" : name.strip());
            if (m.matches()) {
                return m.group(1);
            }
        }
        Matcher m = ZONE_PREFIX.matcher(file.getFileName().toString());
        if (m.matches()) {
            return m.group(1);
        }
        throw new IOException(file + ": no bidding zone in the header (BZN|XX) or the file name (XX_...)");
    }
}
