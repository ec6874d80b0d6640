package org.telcoai.lakehouse.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telcoai.lakehouse.testing.SharedData;

class SimFinCashflowAdapterTest {

    private static final LocalDate DELIVERY = LocalDate.of(2024, 5, 1);
    private static final String HEADER =
            "record_id,operator_id,country_iso,period_date,asset_class,amount,currency,updated_at";

    @TempDir
    Path landing;

    private static Path fixture() throws URISyntaxException {
        return Path.of(SimFinCashflowAdapterTest.class.getResource("/sources/simfin/us-cashflow-annual.csv").toURI())
                .getParent();
    }

    private ImportResult run(Path input) throws IOException {
        SimFinCashflowAdapter adapter = new SimFinCashflowAdapter();
        try (LandingWriter out = new LandingWriter(landing, DELIVERY, adapter.name())) {
            return adapter.convert(input, out);
        }
    }

    private Path written() {
        return landing.resolve("telco_capex").resolve(DELIVERY.toString())
                .resolve("simfin-cashflow-us-cashflow-annual.csv");
    }

    @Test
    void writesTelecomCapexAsPositiveAnnualSpendAndSkipsOtherCompanies() throws Exception {
        ImportResult result = run(fixture());

        assertEquals(5, result.rowsRead());
        assertEquals(Map.of("telco_capex", 3L), result.rowsWritten());
        // A (Agilent, industry 106001) and ZZZZ (not in the company list).
        assertEquals(Map.of("not a telecom operator", 2L), result.rowsSkipped());
        assertEquals(List.of(HEADER,
                // AT&T: -20,758,000,000 cash flow -> 20,758,000,000 spend; published 2019-02-20.
                "SIMFIN-T-2018,ATT,US,2018-01-01,UNALLOCATED,20758000000,USD,2019-02-20T00:00:00Z",
                // Cable One: empty capex stays empty (quarantined MISSING_REQUIRED); no publish date -> report date;
                // not in operators.csv -> US-<ticker> (quarantined UNKNOWN_OPERATOR unless delivered).
                "SIMFIN-CABO-2019,US-CABO,US,2019-01-01,UNALLOCATED,,USD,2019-12-31T00:00:00Z",
                // IDT: fiscal year ends July -> period starts 2018-08-01; positive cash flow (net disposal) -> negative.
                "SIMFIN-IDT-2019,US-IDT,US,2018-08-01,UNALLOCATED,-1500000,USD,2019-10-15T00:00:00Z"),
                Files.readAllLines(written()));
    }

    @Test
    void acceptsTheCashFlowFileWithTheCompanyListBesideIt() throws Exception {
        ImportResult result = run(fixture().resolve("us-cashflow-annual.csv"));
        assertEquals(3L, result.rowsWritten().get("telco_capex"));
    }

    @Test
    void refusesAFolderWithoutTheCompanyList(@TempDir Path input) throws Exception {
        Files.copy(fixture().resolve("us-cashflow-annual.csv"), input.resolve("us-cashflow-annual.csv"));
        IOException e = assertThrows(IOException.class, () -> run(input));
        assertTrue(e.getMessage().contains("us-companies.csv"), e.getMessage());
    }

    @Test
    void mapsOnlyOperatorIdsThatExistInTheReferenceList() throws Exception {
        List<String> ids = Files.readAllLines(Path.of("conf", "reference", "operators.csv")).stream().skip(1)
                .map(line -> line.substring(0, line.indexOf(','))).toList();
        assertTrue(ids.containsAll(SimFinCashflowAdapter.OPERATOR_BY_TICKER.values()),
                SimFinCashflowAdapter.OPERATOR_BY_TICKER + " vs " + ids);
    }

    @Test
    void signAndPeriodRules() {
        assertEquals("21516000000", SimFinCashflowAdapter.spend("-21516000000"));
        assertEquals("0", SimFinCashflowAdapter.spend("0"));
        assertEquals("", SimFinCashflowAdapter.spend(""));
        assertEquals("n/a", SimFinCashflowAdapter.spend("n/a"));
        assertEquals("2019-02-01", SimFinCashflowAdapter.periodStart("2020-01-31"));
        assertEquals("2019-01-01", SimFinCashflowAdapter.periodStart("2019-12-31"));
    }

    @Test
    void realSimFinFolderIsReadCompletely() throws Exception {
        Path real = SharedData.file("simfin_us_cashflow", "us-cashflow-annual.csv").getParent();
        SharedData.file("simfin_us_cashflow", "us-companies.csv");
        ImportResult result = run(real);

        // SOURCE.md: 20,129 rows; 353 cash-flow rows of industry 108001.
        assertEquals(20_129, result.rowsRead());
        long written = result.rowsWritten().getOrDefault("telco_capex", 0L);
        long skipped = result.rowsSkipped().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(result.rowsRead(), written + skipped);
        assertEquals(353, written);
        List<String> lines = Files.readAllLines(written());
        // SOURCE.md reference value: AT&T FY2016 capex -21.516 bn.
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("SIMFIN-T-2016,ATT,US,2016-01-01,UNALLOCATED,21516000000,")),
                "AT&T FY2016 row");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("SIMFIN-VZ-2019,VERIZON,US,2019-01-01,UNALLOCATED,18837000000,")),
                "Verizon FY2019 row");
    }

    @Test
    void isRegisteredUnderItsSourceName() {
        assertTrue(SourceAdapters.byName("simfin-cashflow").orElseThrow() instanceof SimFinCashflowAdapter);
    }
}
