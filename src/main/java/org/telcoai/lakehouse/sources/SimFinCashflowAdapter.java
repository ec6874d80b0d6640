package org.telcoai.lakehouse.sources;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SimFin bulk "us-cashflow-annual" + "us-companies" (semicolon-delimited, USD units) into {@code telco_capex},
 * one annual total per (ticker, fiscal year) for companies tagged as telecom operators.
 *
 * <ul>
 *   <li>Telecom operator = {@code IndustryId} {@value #TELECOM_INDUSTRY_ID} in us-companies.csv (joined on
 *       {@code Ticker}). Every other cash-flow row, including a ticker absent from the company list, is
 *       skipped with reason {@value #NOT_TELECOM} and counted.</li>
 *   <li>operator_id: the tickers in {@link #OPERATOR_BY_TICKER} map to ids that exist in
 *       conf/reference/operators.csv. Every other telecom filer gets {@code US-<TICKER>}; those rows are
 *       written, and the ingest quarantines them as UNKNOWN_OPERATOR unless the operators dataset delivers
 *       these ids. That is deliberate and visible in the quarantine, not a silent drop.</li>
 *   <li>amount: sign rule {@code amount = -("Change in Fixed Assets & Intangibles")}. SimFin reports capex as a
 *       negative cash flow; the landing contract wants spend as a positive number. A positive source value
 *       (net disposals) therefore lands as a negative amount. Spectrum and other intangibles are included.
 *       An empty cell is written empty (quarantined as MISSING_REQUIRED), the row is not skipped.</li>
 *   <li>period_date: the first day of the month of {@code Report Date} (fiscal year end) minus 11 months,
 *       i.e. the first month of the 12-month fiscal period. For calendar filers that is YYYY-01-01; for
 *       non-calendar fiscal years (IDT ends in July, OOMA in January) it is the real start month rather
 *       than January of the fiscal-year label.</li>
 *   <li>updated_at: {@code Publish Date} (10-K filing date) at 00:00Z, else {@code Report Date} at 00:00Z.</li>
 *   <li>record_id: {@code SIMFIN-<ticker>-<Fiscal Year>}; country US, currency USD, asset_class UNALLOCATED.</li>
 * </ul>
 */
public final class SimFinCashflowAdapter implements SourceAdapter {

    public static final String NAME = "simfin-cashflow";
    static final String CASHFLOW_FILE = "us-cashflow-annual.csv";
    static final String COMPANIES_FILE = "us-companies.csv";
    static final String TELECOM_INDUSTRY_ID = "108001";
    static final String NOT_TELECOM = "not a telecom operator";
    static final String DATASET = "telco_capex";

    /** Only ids present in conf/reference/operators.csv (note: T-Mobile US is {@code TMUS} there). */
    static final Map<String, String> OPERATOR_BY_TICKER = Map.of(
            "T", "ATT",
            "VZ", "VERIZON",
            "TMUS", "TMUS");

    private static final String CAPEX = "Change in Fixed Assets & Intangibles";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "SimFin US annual cash flow: capex of telecom operators (industry " + TELECOM_INDUSTRY_ID
                + ") into telco_capex as annual totals";
    }

    @Override
    public ImportResult convert(Path input, LandingWriter out) throws IOException {
        Path cashflow = Files.isDirectory(input) ? input.resolve(CASHFLOW_FILE) : input;
        Path folder = cashflow.toAbsolutePath().getParent();
        Path companies = folder.resolve(COMPANIES_FILE);
        if (!Files.isRegularFile(cashflow)) {
            throw new IOException("SimFin cash-flow file not found: " + cashflow);
        }
        if (!Files.isRegularFile(companies)) {
            throw new IOException("SimFin company list " + COMPANIES_FILE + " not found beside " + cashflow);
        }
        Map<String, String> industryByTicker = readIndustries(companies);

        long read = 0;
        Map<String, Long> skipped = new LinkedHashMap<>();
        String fileName = baseName(cashflow);
        CsvParser parser = parser();
        try (Reader reader = Files.newBufferedReader(cashflow, StandardCharsets.UTF_8)) {
            parser.beginParsing(reader);
            Map<String, Integer> col = columns(parser, cashflow, "Ticker", "Fiscal Year", "Report Date",
                    "Publish Date", CAPEX);
            String[] row;
            while ((row = parser.parseNext()) != null) {
                read++;
                String ticker = cell(row, col.get("Ticker"));
                if (!TELECOM_INDUSTRY_ID.equals(industryByTicker.get(ticker))) {
                    skipped.merge(NOT_TELECOM, 1L, Long::sum);
                    continue;
                }
                String fiscalYear = cell(row, col.get("Fiscal Year"));
                String reportDate = cell(row, col.get("Report Date"));
                String publishDate = cell(row, col.get("Publish Date"));
                out.write(DATASET, fileName, List.of(
                        "SIMFIN-" + ticker + "-" + fiscalYear,
                        OPERATOR_BY_TICKER.getOrDefault(ticker, "US-" + ticker),
                        "US",
                        periodStart(reportDate),
                        "UNALLOCATED",
                        spend(cell(row, col.get(CAPEX))),
                        "USD",
                        timestamp(publishDate.isEmpty() ? reportDate : publishDate)));
            }
        } finally {
            parser.stopParsing();
        }
        return new ImportResult(read, out.rowsWritten(), skipped);
    }

    /** Capex as positive spend; an empty cell stays empty, a non-number is passed on as received. */
    static String spend(String capex) {
        if (capex.isEmpty()) {
            return "";
        }
        try {
            BigDecimal spend = new BigDecimal(capex).negate();
            return spend.signum() == 0 ? "0" : spend.toPlainString();
        } catch (NumberFormatException e) {
            return capex;
        }
    }

    /** First day of the fiscal period's first month; an unparsable date is passed on as received. */
    static String periodStart(String reportDate) {
        try {
            return LocalDate.parse(reportDate).minusMonths(11).withDayOfMonth(1).toString();
        } catch (DateTimeParseException e) {
            return reportDate;
        }
    }

    static String timestamp(String date) {
        try {
            return LocalDate.parse(date) + "T00:00:00Z";
        } catch (DateTimeParseException e) {
            return date;
        }
    }

    private static Map<String, String> readIndustries(Path companies) throws IOException {
        Map<String, String> industries = new HashMap<>();
        CsvParser parser = parser();
        try (Reader reader = Files.newBufferedReader(companies, StandardCharsets.UTF_8)) {
            parser.beginParsing(reader);
            Map<String, Integer> col = columns(parser, companies, "Ticker", "IndustryId");
            String[] row;
            while ((row = parser.parseNext()) != null) {
                industries.put(cell(row, col.get("Ticker")), cell(row, col.get("IndustryId")));
            }
        } finally {
            parser.stopParsing();
        }
        return industries;
    }

    private static CsvParser parser() {
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setDelimiter(';');
        settings.getFormat().setQuote('"');
        settings.setLineSeparatorDetectionEnabled(true);
        settings.setHeaderExtractionEnabled(true);
        settings.setMaxColumns(64);
        return new CsvParser(settings);
    }

    private static Map<String, Integer> columns(CsvParser parser, Path file, String... required) throws IOException {
        String[] headers = parser.getContext().parsedHeaders();
        List<String> names = headers == null ? List.of()
                : Arrays.stream(headers).map(h -> h == null ? "" : h.strip().replace("\uFEFF", "")).toList();
        Map<String, Integer> col = new HashMap<>();
        for (String name : required) {
            int index = names.indexOf(name);
            if (index < 0) {
                throw new IOException(file + " is not a SimFin file: column '" + name + "' missing; header "
                        + names);
            }
            col.put(name, index);
        }
        return col;
    }

    private static String cell(String[] row, int index) {
        return index < row.length && row[index] != null ? row[index].strip() : "";
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    }
}
