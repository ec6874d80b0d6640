package org.telcoai.lakehouse.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.telcoai.lakehouse.export.ExportFixtures.date;
import static org.telcoai.lakehouse.export.ExportFixtures.number;
import static org.telcoai.lakehouse.export.ExportFixtures.row;
import static org.telcoai.lakehouse.export.ExportFixtures.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.telcoai.lakehouse.export.ExportTable.Kind;

class CsvTest {

    @Test
    void quotesPerRfc4180() {
        assertEquals("plain", Csv.cell("plain", true));
        assertEquals("\"a,b\"", Csv.cell("a,b", true));
        assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\"", true));
        assertEquals("\"two\nlines\"", Csv.cell("two\nlines", true));
        assertEquals("\"cr\rhere\"", Csv.cell("cr\rhere", true));
        assertEquals("", Csv.cell(null, Kind.TEXT));
        assertEquals("", Csv.cell(null, Kind.NUMBER));
    }

    @Test
    void neutralisesFormulaStartsInTextColumns() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", Csv.cell("=HYPERLINK(\"x\")", Kind.TEXT));
        assertEquals("'+1", Csv.cell("+1", Kind.TEXT));
        assertEquals("'-1+2", Csv.cell("-1+2", Kind.TEXT));
        assertEquals("'@SUM(A1)", Csv.cell("@SUM(A1)", Kind.TEXT));
        assertEquals("'\tx", Csv.cell("\tx", Kind.TEXT));
        assertEquals("\"'\rx\"", Csv.cell("\rx", Kind.TEXT));
        // Only the first character counts; HTML is not a CSV concern.
        assertEquals("a=b", Csv.cell("a=b", Kind.TEXT));
        assertEquals("<script>alert(1)</script>", Csv.cell("<script>alert(1)</script>", Kind.TEXT));
    }

    @Test
    void leavesNumbersFromNumericColumnsAlone() {
        assertEquals("-0.125", Csv.cell(-0.125, Kind.NUMBER));
        assertEquals("-3251.63", Csv.cell(new BigDecimal("-3251.63"), Kind.NUMBER));
        assertEquals("-42", Csv.cell(-42L, Kind.NUMBER));
        assertEquals("0.0000001", Csv.cell(1e-7, Kind.NUMBER), "no exponent notation");
        assertEquals("12345678901", Csv.cell(1.2345678901E10, Kind.NUMBER));
        assertEquals("2024-01-01", Csv.cell(LocalDate.of(2024, 1, 1), Kind.DATE));
        assertEquals("NaN", Csv.cell(Double.NaN, Kind.NUMBER));
        assertEquals("100", Csv.cell(100.0, Kind.NUMBER));
        assertEquals("0", Csv.cell(-0.0, Kind.NUMBER));
    }

    @Test
    void writesHeaderAndRowsWithCrlf() {
        ExportTable t = new ExportTable("t", List.of(text("name"), number("delta"), date("month")),
                List.of(row("=cmd|' /C calc'!A0", -1.5, LocalDate.of(2024, 3, 1)),
                        row("Telefónica, S.A.", null, null)));
        assertEquals("name,delta,month\r\n"
                + "'=cmd|' /C calc'!A0,-1.5,2024-03-01\r\n"
                + "\"Telefónica, S.A.\",,\r\n", Csv.toCsv(t));
    }

    @Test
    void sortsByKeyColumnsWithNullsFirst() {
        ExportTable t = new ExportTable("t", List.of(text("k"), number("n"), number("v")),
                List.of(row("b", 2, "x"), row("a", 10, "y"), row("a", 9, "z"), row(null, 1, "w"), row("a", 9L, "a")));
        ExportTable s = t.sortedBy(List.of("k", "n"));
        // Equal keys are ordered by the remaining columns, so the order never depends on Spark's partitions.
        assertEquals(List.of("w", "a", "z", "y", "x"), s.rows().stream().map(r -> r.get(2)).toList());
        assertTrue(ExportTable.compareValues(9, 10L) < 0, "mixed numeric types compare by value");
    }
}
