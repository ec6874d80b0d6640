package org.telcoai.lakehouse.sources;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ember "European Wholesale Electricity Price Data", daily export: {@code Country,ISO3 Code,Date,Price (EUR/MWhe)},
 * the average day-ahead price of one country on one day. One landing row per source row:
 * country_iso = the ISO 3166-1 alpha-2 code of {@code ISO3 Code} (the contract's country column is alpha-2), zone =
 * that code + {@value #ZONE_SUFFIX}: the key (zone, market, interval_start) has no interval length, so a daily
 * average under the bare code would collide at 00:00 UTC with the same country's hourly prices (ENTSO-E's BE
 * and FR) and one of the two would silently replace the other.
 * interval_minutes 1440, price as received (already EUR with a decimal point), currency EUR, DAY_AHEAD.
 *
 * <p>interval_start is the {@code Date} at 00:00 UTC ({@code 2016-10-30T00:00Z}). This is a labelling choice:
 * Ember's day is the market's local delivery day (CET/CEST, or GMT/BST for GBR/IRL), which starts one or two
 * hours earlier in UTC; writing the calendar date at UTC midnight keeps the date itself unchanged for every
 * country, which is what a daily series is keyed and reported on.
 *
 * <p>Not judged here, so the ingest's validation sees them: an empty price, an ISO3 code with no alpha-2
 * equivalent (written as received), a malformed date (written as received), and the (GBR, IRL) DST days that
 * appear twice with different prices — both rows are written, the duplicate key stays visible.
 */
public final class EmberDailyAdapter implements SourceAdapter {

    static final String DATASET = "energy_prices";
    static final String ZONE_SUFFIX = "-DAILY";
    private static final Map<String, String> ALPHA2_BY_ALPHA3 = alpha2ByAlpha3();

    @Override
    public String name() {
        return "ember-daily";
    }

    @Override
    public String description() {
        return "Ember European wholesale electricity prices, daily average per country (EUR/MWh)";
    }

    @Override
    public ImportResult convert(Path input, LandingWriter out) throws IOException {
        long read = SourceCsv.readRows(input, ',', (file, landingName, header) -> {
            int[] idx = SourceCsv.indexes(file, header, "ISO3 Code", "Date", "Price (EUR/MWhe)");
            return row -> {
                String country = alpha2(SourceCsv.cell(row, idx[0]).strip());
                out.write(DATASET, landingName, List.of(country + ZONE_SUFFIX, country,
                        dayStart(SourceCsv.cell(row, idx[1]).strip()), "1440",
                        SourceCsv.cell(row, idx[2]).strip(), "EUR", "DAY_AHEAD"));
            };
        });
        return new ImportResult(read, out.rowsWritten(), SourceCsv.counter());
    }

    /** {@code DEU} to {@code DE}; an unknown code as received. */
    static String alpha2(String alpha3) {
        return ALPHA2_BY_ALPHA3.getOrDefault(alpha3, alpha3);
    }

    /** {@code 2016-10-30} to {@code 2016-10-30T00:00Z}; anything that is not a real date as received. */
    static String dayStart(String date) {
        try {
            if (date.length() == 10) {
                return LocalDate.parse(date) + "T00:00Z";
            }
        } catch (DateTimeParseException e) {
            // fall through: written as received
        }
        return date;
    }

    private static Map<String, String> alpha2ByAlpha3() {
        Map<String, String> map = new HashMap<>();
        for (String alpha2 : Locale.getISOCountries()) {
            map.put(new Locale("", alpha2).getISO3Country(), alpha2);
        }
        return Map.copyOf(map);
    }
}
