package org.telcoai.lakehouse.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.telcoai.lakehouse.testing.SharedSpark;

class ResultRendererTest {

    private static final ResultRenderer RENDERER = new ResultRenderer(50, ZoneOffset.UTC);

    @Test
    void textAndHtmlTablesOfASmallResultWithDecimalNullDoubleAndHtmlSpecialCharacters() {
        SparkSession spark = SharedSpark.spark();
        StructType schema = new StructType().add("name", DataTypes.StringType)
                .add("amount", DataTypes.createDecimalType(12, 2)).add("share", DataTypes.DoubleType)
                .add("units", DataTypes.LongType).add("note", DataTypes.StringType);
        Dataset<Row> result = spark.createDataFrame(List.of(
                RowFactory.create("DK1 <east> & co", new BigDecimal("1234.50"), 0.1 + 0.2, 7L, null),
                RowFactory.create("B", new BigDecimal("-0.05"), 1234567.891234567, null, "it's \"x\"")), schema);

        ResultRenderer.Rendered rendered = RENDERER.render(result);

        assertEquals("""
                name            |  amount |       share | units | note
                ----------------+---------+-------------+-------+---------
                DK1 <east> & co | 1234.50 |         0.3 |     7 | NULL
                B               |   -0.05 | 1234567.891 |  NULL | it's "x\"""", rendered.text());
        assertEquals("""
                <table>
                <thead>
                <tr><th>name</th><th>amount</th><th>share</th><th>units</th><th>note</th></tr>
                </thead>
                <tbody>
                <tr><td>DK1 &lt;east&gt; &amp; co</td><td>1234.50</td><td>0.3</td><td>7</td><td>NULL</td></tr>
                <tr><td>B</td><td>-0.05</td><td>1234567.891</td><td>NULL</td><td>it&#39;s &quot;x&quot;</td></tr>
                </tbody>
                </table>""", rendered.html());
        assertEquals(2, rendered.shownRows());
        assertEquals(2, rendered.totalRows());
        assertFalse(rendered.truncated());
    }

    @Test
    void hostileOperatorNamesAreTextInTheHtmlOutput() {
        StructType schema = new StructType().add("operator", DataTypes.StringType);
        Dataset<Row> result = SharedSpark.spark().createDataFrame(List.of(
                RowFactory.create("<script>alert(1)</script>"),
                RowFactory.create("=HYPERLINK(\"http://evil.example\",\"x\")"),
                RowFactory.create("<img src=x onerror=alert(1)>")), schema);

        String html = RENDERER.render(result).html();

        assertFalse(html.contains("<script") || html.contains("<img"), html);
        assertTrue(html.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"), html);
        assertTrue(html.contains("<td>=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)</td>"), html);
        assertTrue(html.contains("<td>&lt;img src=x onerror=alert(1)&gt;</td>"), html);
    }

    @Test
    void moreRowsThanTheLimitShowTheFirstOnesAndACountLine() {
        Dataset<Row> five = SharedSpark.spark().range(5).toDF();
        ResultRenderer.Rendered rendered = new ResultRenderer(2, ZoneOffset.UTC).render(five);
        assertEquals("id\n--\n 0\n 1\nshowing 2 of 5 rows", rendered.text());
        assertTrue(rendered.html().endsWith("<tr><td>1</td></tr>\n</tbody>\n</table>\n<p>showing 2 of 5 rows</p>"),
                rendered.html());
        assertEquals(2, rendered.shownRows());
        assertEquals(5, rendered.totalRows());
        assertTrue(rendered.truncated());

        ResultRenderer.Rendered exactlyTheLimit = new ResultRenderer(2, ZoneOffset.UTC)
                .render(SharedSpark.spark().range(2).toDF());
        assertEquals("id\n--\n 0\n 1", exactlyTheLimit.text());
        assertFalse(exactlyTheLimit.html().contains("<p>"));
    }

    @Test
    void anEmptyResultKeepsItsHeaderAndSaysSo() {
        ResultRenderer.Rendered rendered = RENDERER.render(SharedSpark.spark().range(0).toDF()
                .withColumnRenamed("id", "zone_id"));
        assertEquals("zone_id\n-------\n(no rows)", rendered.text());
        assertEquals("<table>\n<thead>\n<tr><th>zone_id</th></tr>\n</thead>\n<tbody>\n</tbody>\n</table>\n"
                + "<p>(no rows)</p>", rendered.html());
        assertEquals(0, rendered.totalRows());
    }

    @Test
    void datesTimestampsNestedValuesAndBinaryAsSparkSqlWritesThem() {
        Dataset<Row> result = SharedSpark.spark().sql("SELECT TIMESTAMP'2026-01-04 02:00:00.120+02:00' AS t, "
                + "DATE'2026-01-04' AS d, array(1, NULL) AS a, map('k', 1.5D) AS m, named_struct('x', 1, 'y', 'z') AS s,"
                + " X'0A1B' AS b, true AS f, 'two\nlines\ttab' AS w");
        assertEquals("""
                t                      | d          | a         | m          | s      | b       | f    | w
                -----------------------+------------+-----------+------------+--------+---------+------+----------------
                2026-01-04 00:00:00.12 | 2026-01-04 | [1, NULL] | {k -> 1.5} | {1, z} | [0A 1B] | true | two\\nlines\\ttab""",
                RENDERER.render(result).text());
        assertEquals("2026-01-04 09:00:00.12", new ResultRenderer(5, ZoneId.of("Asia/Tokyo"))
                .format(result.first().get(0)));
    }

    @Test
    void doublesHaveTenSignificantDigitsButKeepTheirIntegerPart() {
        assertEquals("0.3", ResultRenderer.formatDouble(0.1 + 0.2));
        assertEquals("0.6666666667", ResultRenderer.formatDouble(2.0 / 3));
        assertEquals("-45.12345679", ResultRenderer.formatDouble(-45.123456789012));
        assertEquals("123456789012", ResultRenderer.formatDouble(123456789012.5));
        assertEquals("0.000001", ResultRenderer.formatDouble(1e-6));
        assertEquals("1.234567891E-7", ResultRenderer.formatDouble(1.2345678912e-7));
        assertEquals("1.5E+20", ResultRenderer.formatDouble(1.5e20));
        assertEquals("0", ResultRenderer.formatDouble(-0.0));
        assertEquals("100", ResultRenderer.formatDouble(100.0));
        assertEquals("NaN", ResultRenderer.formatDouble(Double.NaN));
        assertEquals("-Infinity", ResultRenderer.formatDouble(Double.NEGATIVE_INFINITY));
        assertEquals("0.1", RENDERER.format(0.1f));
        assertEquals("12345678901234567890.123456789", RENDERER.format(new BigDecimal("12345678901234567890.123456789")));
        assertEquals("0.00000010", RENDERER.format(new BigDecimal("1.0E-7")));
        assertEquals("NULL", RENDERER.format(null));
    }
}
