package org.telcoai.lakehouse.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telcoai.lakehouse.testing.SharedSpark;
import org.w3c.dom.Element;

/** The Spark entry point: small hand-made DataFrames with the gold column types, collected and exported. */
class ReportExporterSparkTest {

    @TempDir
    Path folder;

    @Test
    void exportsDataFramesWithTheGoldColumnTypes() throws Exception {
        SparkSession spark = SharedSpark.spark();
        StructType capexSchema = new StructType()
                .add("operator_id", DataTypes.StringType).add("quarter", DataTypes.DateType)
                .add("capex_usd", DataTypes.createDecimalType(20, 2))
                .add("ai_capex_usd", DataTypes.createDecimalType(20, 2)).add("ai_share", DataTypes.DoubleType)
                .add("capex_ttm_usd", DataTypes.createDecimalType(20, 2))
                .add("ai_capex_ttm_usd", DataTypes.createDecimalType(20, 2))
                .add("capex_yoy_growth", DataTypes.DoubleType).add("ai_capex_yoy_growth", DataTypes.DoubleType);
        Dataset<Row> capex = spark.createDataFrame(List.of(
                RowFactory.create("OP_B", Date.valueOf("2024-04-01"), dec("100.00"), dec("10.00"), 0.1,
                        dec("400.00"), dec("40.00"), -0.2, 0.1),
                RowFactory.create("OP_A", Date.valueOf("2024-04-01"), dec("200.00"), dec("50.00"), 0.25,
                        dec("800.00"), dec("150.00"), 0.05, 1.5),
                RowFactory.create("OP_A", Date.valueOf("2024-01-01"), dec("200.00"), dec("40.00"), 0.2,
                        null, null, null, null)), capexSchema).repartition(2);
        StructType operatorSchema = new StructType()
                .add("operator_id", DataTypes.StringType).add("name", DataTypes.StringType)
                .add("operator_type", DataTypes.StringType).add("home_country_iso", DataTypes.StringType)
                .add("parent_group", DataTypes.StringType);
        Dataset<Row> operators = spark.createDataFrame(List.of(
                RowFactory.create("OP_A", "<script>alert(1)</script>", "TELCO", "DE", null),
                RowFactory.create("OP_B", ExportFixtures.FORMULA_NAME, "TELCO", "FR", null)), operatorSchema);
        StructType buyerSchema = new StructType()
                .add("year", DataTypes.IntegerType).add("region", DataTypes.StringType)
                .add("buyer_type", DataTypes.StringType).add("units", DataTypes.LongType)
                .add("revenue_usd", DataTypes.createDecimalType(20, 2)).add("revenue_share", DataTypes.DoubleType);
        Dataset<Row> buyers = spark.createDataFrame(List.of(
                RowFactory.create(2024, "WORLD", "TELCO", 10L, dec("100.00"), 0.1),
                RowFactory.create(2024, "WORLD", "HYPERSCALER", 90L, dec("900.00"), 0.9)), buyerSchema);
        Dataset<Row> emptyVendor = spark.createDataFrame(List.of(), new StructType()
                .add("quarter", DataTypes.DateType).add("region", DataTypes.StringType)
                .add("vendor", DataTypes.StringType).add("units", DataTypes.LongType));

        Map<String, Dataset<Row>> gold = new LinkedHashMap<>();
        gold.put("gold.capex_trends", capex);
        gold.put("gold.gpu_buyer_share", buyers);
        gold.put("gold.gpu_vendor_share", emptyVendor);
        ExportResult result = new ReportExporter().export(spark, gold, operators, folder, LocalDate.of(2025, 2, 1));

        assertEquals(List.of(
                "operator_id,quarter,capex_usd,ai_capex_usd,ai_share,capex_ttm_usd,ai_capex_ttm_usd,capex_yoy_growth,"
                        + "ai_capex_yoy_growth",
                "OP_A,2024-01-01,200.00,40.00,0.2,,,,",
                "OP_A,2024-04-01,200.00,50.00,0.25,800.00,150.00,0.05,1.5",
                "OP_B,2024-04-01,100.00,10.00,0.1,400.00,40.00,-0.2,0.1"),
                Files.readAllLines(result.csvFiles().get("capex_trends")));
        assertEquals("quarter,region,vendor,units\r\n", Files.readString(result.csvFiles().get("gpu_vendor_share")));
        assertEquals(Map.of("capex_trends", 3, "gpu_buyer_share", 2, "gpu_vendor_share", 0), result.rowCounts());

        String html = Files.readString(result.htmlFile());
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(!html.contains("<script>"));
        Map<String, Element> figures = ReportPageAssertions.figures(ReportPageAssertions.parse(result.htmlFile()));
        assertEquals(ReportExporterTest.ALL_CHARTS.size(), figures.size());
        ReportPageAssertions.assertChart(figures.get("chart-ai-capex-top-operators"));
        ReportPageAssertions.assertChart(figures.get("chart-gpu-buyer-share"));
        ReportPageAssertions.assertNoData(figures.get("chart-gpu-vendor-share-world"));
        ReportPageAssertions.assertNoData(figures.get("chart-sovereign-share"));
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }
}
