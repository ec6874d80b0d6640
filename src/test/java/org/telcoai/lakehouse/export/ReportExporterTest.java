package org.telcoai.lakehouse.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.telcoai.lakehouse.export.ReportPageAssertions.assertChart;
import static org.telcoai.lakehouse.export.ReportPageAssertions.assertNoData;
import static org.telcoai.lakehouse.export.ReportPageAssertions.figures;
import static org.telcoai.lakehouse.export.ReportPageAssertions.parse;
import static org.telcoai.lakehouse.export.ReportPageAssertions.read;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ReportExporterTest {

    static final LocalDate RUN_DATE = LocalDate.of(2025, 1, 31);
    static final List<String> ALL_CHARTS = List.of("chart-gpu-vendor-share-world", "chart-gpu-vendor-share-cn",
            "chart-gpu-vendor-share-us", "chart-ai-capex-top-operators", "chart-gpu-buyer-share",
            "chart-energy-price-monthly", "chart-sovereign-share");

    @TempDir
    Path folder;

    @Test
    void writesOneCsvPerTableAndAPageWithEveryChart() throws Exception {
        ExportResult result = new ReportExporter().export(ExportFixtures.all(), ExportFixtures.operators(), folder,
                RUN_DATE);

        Path dir = folder.resolve("2025-01-31");
        assertEquals(dir, result.directory());
        assertEquals(ReportExporter.KEY_COLUMNS.keySet(), result.csvFiles().keySet());
        for (Map.Entry<String, Path> e : result.csvFiles().entrySet()) {
            assertEquals(dir.resolve(e.getKey() + ".csv"), e.getValue());
            List<String> lines = Files.readAllLines(e.getValue());
            assertEquals(result.rowCounts().get(e.getKey()) + 1, lines.size(), e.getKey());
        }
        assertEquals(dir.resolve("report.html"), result.htmlFile());
        assertEquals(ALL_CHARTS, result.chartIds());
        assertEquals(List.of(), result.noDataCharts());
        assertEquals(List.of(), result.missingTables());
        try (var files = Files.list(dir)) {
            assertEquals(12, files.count(), "11 CSV files and the page, no temporary files left");
        }

        Document doc = parse(result.htmlFile());
        Map<String, Element> figures = figures(doc);
        assertEquals(ALL_CHARTS, List.copyOf(figures.keySet()), "every chart, in order");
        Set<Integer> distinctImages = new HashSet<>();
        for (Element figure : figures.values()) {
            BufferedImage image = assertChart(figure);
            distinctImages.add(java.util.Arrays.hashCode(image.getRGB(0, 0, image.getWidth(), image.getHeight(),
                    null, 0, image.getWidth())));
        }
        assertEquals(ALL_CHARTS.size(), distinctImages.size(), "every chart draws something different");
    }

    @Test
    void aManifestVouchesForAnExportOnlyWhileItsTableVersionsAndFilesAreUnchanged() throws Exception {
        Map<String, ExportTable> tables = Map.of("energy_price_monthly",
                ExportFixtures.all().get("energy_price_monthly"));
        ExportResult written = new ReportExporter().export(tables, null, folder, RUN_DATE);
        Map<String, Long> versions = Map.of("gold.energy_price_monthly", 4L, "reference.operators", 1L);
        Path dir = folder.resolve("2025-01-31");
        assertTrue(ExportManifest.upToDate(dir, versions).isEmpty(), "no manifest yet");
        ExportManifest.write(versions, written);

        ExportResult recorded = ExportManifest.upToDate(dir, new java.util.TreeMap<>(versions)).orElseThrow();
        assertEquals(written, recorded, "paths, row counts, charts with and without data, missing tables");
        assertEquals(Map.of("energy_price_monthly", ExportFixtures.all().get("energy_price_monthly").rows().size()),
                recorded.rowCounts());
        assertEquals(10, recorded.missingTables().size());
        assertTrue(ExportManifest.upToDate(dir, Map.of("gold.energy_price_monthly", 5L, "reference.operators", 1L))
                .isEmpty(), "a table written since");
        assertTrue(ExportManifest.upToDate(dir, Map.of("gold.energy_price_monthly", 4L)).isEmpty(), "another set");
        Files.delete(written.csvFiles().get("energy_price_monthly"));
        assertTrue(ExportManifest.upToDate(dir, versions).isEmpty(), "a file deleted");
    }

    @Test
    void pageIsSelfContainedAndEscapesTextFromData() throws Exception {
        ExportResult result = new ReportExporter().export(ExportFixtures.all(), ExportFixtures.operators(), folder,
                RUN_DATE);
        String html = read(result.htmlFile());
        Document doc = parse(result.htmlFile());

        assertEquals(0, doc.getElementsByTagName("script").getLength(), "no script element at all");
        assertFalse(html.contains("<script>alert(1)</script>"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "operator name shown, escaped");
        assertTrue(html.contains("=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)"),
                "formula-like name shown as text");
        assertTrue(html.contains("&lt;b&gt;XX&lt;/b&gt;"), "country code from data escaped");
        assertEquals(0, doc.getElementsByTagName("b").getLength());
        assertTrue(html.contains("Telefónica"), "UTF-8 text kept as is");
        // Nothing is fetched: no src other than data URIs, no stylesheet links, links only to the local CSV files.
        assertFalse(html.matches("(?s).*src=\"(?!data:).*"), "only inline images");
        assertFalse(html.contains("<link"));
        java.util.regex.Matcher href = java.util.regex.Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        int links = 0;
        while (href.find()) {
            assertTrue(href.group(1).matches("[a-z_]+\\.csv"), "only relative links to the CSV files: " + href.group(1));
            links++;
        }
        assertEquals(ReportExporter.KEY_COLUMNS.size(), links, "one link per CSV file");
        // Display names from reference.operators, ids where there is no name.
        Element capex = figures(doc).get("chart-ai-capex-top-operators");
        String tableText = capex.getParentNode().getTextContent();
        assertTrue(tableText.contains("Deutsche Telekom"));
        assertTrue(tableText.contains("<script>alert(1)</script>"), "the parsed text is the original name");
        String sovereign = figures(doc).get("chart-sovereign-share").getParentNode().getTextContent();
        assertTrue(sovereign.contains("2024"), "years are written without a grouping separator");
        assertFalse(sovereign.contains("2,024"));
    }

    @Test
    void csvFilesAreSortedQuotedAndNeutralised() throws Exception {
        ExportResult result = new ReportExporter().export(ExportFixtures.all(), ExportFixtures.operators(), folder,
                RUN_DATE);
        assertEquals("site_id,month,operator_id,country_iso,energy_mwh,avg_price_usd_mwh,energy_cost_usd\r\n"
                        + "'+S0,2024-01-01,'@OP,FR,0.0000001,0,0\r\n"
                        + "S1,2024-01-01,OP_EVIL,FR,20,50,1000.00\r\n"
                        + "S2,2024-02-01,OP_DT,DE,1000.5,-3.25,-3251.63\r\n",
                read(result.csvFiles().get("site_energy_cost")));
        String concentration = read(result.csvFiles().get("gpu_market_concentration"));
        assertTrue(concentration.contains(",CN,3400,'-NVIDIA,0.5\r\n"), concentration);
        List<String> capex = Files.readAllLines(result.csvFiles().get("capex_trends"));
        assertEquals("operator_id,quarter,capex_usd,ai_capex_usd,ai_share,capex_ttm_usd,ai_capex_ttm_usd,"
                + "capex_yoy_growth,ai_capex_yoy_growth", capex.get(0));
        assertTrue(capex.get(1).startsWith("OP_DT,2022-01-01,"), "sorted by operator_id, quarter: " + capex.get(1));
        assertTrue(capex.stream().anyMatch(l -> l.endsWith(",-0.125,0.5")), "negative growth not neutralised");
        List<String> ai = Files.readAllLines(result.csvFiles().get("ai_capex_by_country"));
        assertEquals(List.of("year,country_iso,capex_usd,ai_capex_usd,ai_capex_world_share,ai_capex_cagr_3y",
                "2023,DE,35.00,3.00,0.35,", "2024,DE,40.00,-4.00,0.4,-0.05", "2024,WORLD,100.00,10.00,1,0.3"), ai);
    }

    @Test
    void missingAndEmptyTablesGiveNoDataFigures() throws Exception {
        Map<String, ExportTable> tables = new LinkedHashMap<>();
        ExportTable vendor = ExportFixtures.vendorShare();
        tables.put("gold.gpu_vendor_share", new ExportTable("gpu_vendor_share", vendor.columns(), List.of()));
        tables.put("gold.energy_price_monthly", ExportFixtures.energy());
        tables.put("capex_trends", null);

        ExportResult result = new ReportExporter().export(tables, null, folder, RUN_DATE);

        assertEquals(Set.of("gpu_vendor_share", "energy_price_monthly"), result.csvFiles().keySet());
        assertEquals("quarter,region,vendor,units,revenue_usd,unit_share,revenue_share,unit_share_yoy_pp,"
                + "revenue_rank\r\n", read(result.csvFiles().get("gpu_vendor_share")), "empty table: header only");
        assertEquals(List.of("gpu_market_concentration", "gpu_buyer_share", "sovereign_capacity",
                "accelerator_capacity", "capex_trends", "ai_capex_by_country", "site_energy_cost",
                "capex_restatements", "gpu_shipment_restatements"), result.missingTables());
        Map<String, Element> figures = figures(parse(result.htmlFile()));
        assertEquals(List.of("chart-gpu-vendor-share-world", "chart-gpu-vendor-share-cn",
                "chart-gpu-vendor-share-other", "chart-ai-capex-top-operators", "chart-gpu-buyer-share",
                "chart-energy-price-monthly", "chart-sovereign-share"), List.copyOf(figures.keySet()));
        for (Element figure : figures.values()) {
            if (figure.getAttribute("id").equals("chart-energy-price-monthly")) {
                assertChart(figure);
            } else {
                assertNoData(figure);
            }
        }
        assertEquals(6, result.noDataCharts().size());
    }

    @Test
    void thePageSaysWhichDateItsTablesAreOf() throws Exception {
        ExportResult night = new ReportExporter().export(Map.of(), null, folder.resolve("nightly"), RUN_DATE);
        assertTrue(Files.readString(night.htmlFile()).contains("gold tables of run date 2025-01-31."));
        ExportResult asOf = new ReportExporter().asOfDeliveryDate().export(Map.of(), null, folder.resolve("as-of"),
                RUN_DATE);
        assertTrue(Files.readString(asOf.htmlFile()).contains("gold tables as of delivery date 2025-01-31."));
    }

    @Test
    void nothingAtAllStillWritesAPage() throws Exception {
        ExportResult result = new ReportExporter().export(Map.of(), null, folder, RUN_DATE);
        assertTrue(result.csvFiles().isEmpty());
        assertEquals(11, result.missingTables().size());
        assertEquals(7, figures(parse(result.htmlFile())).size());
        assertEquals(result.chartIds(), result.noDataCharts());
    }

    @Test
    void thirdRegionCanBeChosenAndARerunReplacesTheFiles() throws Exception {
        new ReportExporter().export(ExportFixtures.all(), ExportFixtures.operators(), folder, RUN_DATE);
        ExportResult again = new ReportExporter("de").export(ExportFixtures.all(), ExportFixtures.operators(), folder,
                RUN_DATE);
        assertTrue(again.chartIds().contains("chart-gpu-vendor-share-de"));
        Map<String, Element> figures = figures(parse(again.htmlFile()));
        assertChart(figures.get("chart-gpu-vendor-share-de"));
        assertFalse(figures.containsKey("chart-gpu-vendor-share-us"));
    }

    @Test
    void shareColumnsInPercentAreNotScaledTwice() {
        ExportTable t = new ExportTable("t", List.of(ExportFixtures.number("s")),
                List.of(ExportFixtures.row(0.4), ExportFixtures.row(40.0)));
        assertEquals(1, ReportPage.percentScale(t, t.rows(), "s"));
        ExportTable f = new ExportTable("t", List.of(ExportFixtures.number("s")),
                List.of(ExportFixtures.row(0.4), ExportFixtures.row(1.0)));
        assertEquals(100, ReportPage.percentScale(f, f.rows(), "s"));
    }
}
