package org.telcoai.lakehouse.sources;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Energi Data Service (Energinet) "Elspotprices" CSV: {@code ;}-delimited, decimal comma, columns
 * HourUTC;HourDK;PriceArea;SpotPriceDKK;SpotPriceEUR. One landing row per source row:
 * zone = PriceArea, country DK, interval_start = HourUTC read as UTC (HourDK repeats and skips hours at DST
 * changes, so it is not used), 60 minutes, price = SpotPriceEUR, currency EUR, DAY_AHEAD.
 *
 * <p>Documented format conversions, nothing else: the timestamp {@code YYYY-MM-DD HH:MM} becomes
 * {@code YYYY-MM-DDTHH:MMZ}, and the decimal comma of a well-formed number ({@code 20,959999}) becomes a point
 * ({@code 20.959999}); the digits are not rounded. A cell in any other shape (empty, {@code N/A}, thousands
 * separators) is written as received, so the ingest's validation quarantines the row with a reason.
 */
public final class EnerginetElspotAdapter implements SourceAdapter {

    static final String DATASET = "energy_prices";
    private static final Pattern HOUR_UTC = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("^[+-]?\\d+(,\\d+)?$");

    @Override
    public String name() {
        return "energinet-elspot";
    }

    @Override
    public String description() {
        return "Energi Data Service Elspotprices CSV (';', decimal comma), hourly day-ahead EUR prices per area";
    }

    @Override
    public ImportResult convert(Path input, LandingWriter out) throws IOException {
        long read = SourceCsv.readRows(input, ';', (file, landingName, header) -> {
            int[] idx = SourceCsv.indexes(file, header, "HourUTC", "PriceArea", "SpotPriceEUR");
            return row -> out.write(DATASET, landingName, List.of(
                    SourceCsv.cell(row, idx[1]).strip(),
                    "DK",
                    hourUtc(SourceCsv.cell(row, idx[0]).strip()),
                    "60",
                    decimalPoint(SourceCsv.cell(row, idx[2]).strip()),
                    "EUR",
                    "DAY_AHEAD"));
        });
        return new ImportResult(read, out.rowsWritten(), SourceCsv.counter());
    }

    /** {@code 2022-10-19 21:00} (UTC by the column's definition) to {@code 2022-10-19T21:00Z}; else as received. */
    static String hourUtc(String value) {
        return HOUR_UTC.matcher(value).matches() ? value.replace(' ', 'T') + "Z" : value;
    }

    /** {@code 131,570007} to {@code 131.570007}; anything else as received. */
    static String decimalPoint(String value) {
        return DECIMAL_COMMA.matcher(value).matches() ? value.replace(',', '.') : value;
    }
}
