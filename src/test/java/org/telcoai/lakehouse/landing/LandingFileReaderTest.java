package org.telcoai.lakehouse.landing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.telcoai.lakehouse.testing.LandingFixture;

/** The record reader on hand-written files: what each record's values, row number and malformed detail are. */
class LandingFileReaderTest {

    private static final List<String> ABC = List.of("a", "b", "c");

    private static List<RawRecord> read(String content, FileFormat format, List<String> columns) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return read(bytes, format, columns);
    }

    private static List<RawRecord> read(byte[] bytes, FileFormat format, List<String> columns) throws IOException {
        List<RawRecord> records = new ArrayList<>();
        try (LandingFileReader reader = new LandingFileReader(new ByteArrayInputStream(bytes), format, columns)) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }

    private static LandingFileReader reader(String content, List<String> columns) throws IOException {
        return new LandingFileReader(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
                FileFormat.CSV, columns);
    }

    @Test
    void csvColumnsAreFoundByHeaderNameNotPosition() throws IOException {
        List<RawRecord> records = read("c,a,b\n3,1,2\n", FileFormat.CSV, ABC);
        assertEquals(1, records.size());
        assertArrayEquals(new String[] {"1", "2", "3"}, records.get(0).values());
        assertFalse(records.get(0).malformed());
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndNewlines() throws IOException {
        List<RawRecord> records = read("a,b,c\n\"x, y\",\"line1\nline2\",\"say \"\"hi\"\"\"\nq,r,s\n",
                FileFormat.CSV, ABC);
        assertEquals(2, records.size());
        assertArrayEquals(new String[] {"x, y", "line1\nline2", "say \"hi\""}, records.get(0).values());
        assertEquals(1, records.get(0).rowNumber());
        // The embedded newline does not split the record: the next one is record 2.
        assertArrayEquals(new String[] {"q", "r", "s"}, records.get(1).values());
        assertEquals(2, records.get(1).rowNumber());
    }

    @Test
    void utf8BomOnTheHeaderIsNotPartOfTheFirstColumnName() throws IOException {
        String content = "\uFEFFa,b,c\n1,2,3\n";
        try (LandingFileReader reader = reader(content, ABC)) {
            assertEquals(List.of(), reader.missingColumns());
            assertEquals(List.of(), reader.extraColumns());
        }
        assertArrayEquals(new String[] {"1", "2", "3"}, read(content, FileFormat.CSV, ABC).get(0).values());
    }

    @Test
    void crlfLineEndsLeaveNoCarriageReturnInValues() throws IOException {
        List<RawRecord> records = read("a,b,c\r\n1,2,3\r\n4,5,6\r\n", FileFormat.CSV, ABC);
        assertEquals(2, records.size());
        assertArrayEquals(new String[] {"1", "2", "3"}, records.get(0).values());
        assertArrayEquals(new String[] {"4", "5", "6"}, records.get(1).values());
        assertEquals(2, records.get(1).rowNumber());
    }

    @Test
    void shortRowIsMalformedWithItsRawTextAndTheNextRowIsStillRead() throws IOException {
        List<RawRecord> records = read("a,b,c\n1,2\n4,5,6\n", FileFormat.CSV, ABC);
        assertEquals(2, records.size());
        RawRecord bad = records.get(0);
        assertTrue(bad.malformed());
        assertEquals("expected 3 fields, found 2", bad.malformedDetail());
        assertEquals("1,2", bad.rawText());
        assertEquals(1, bad.rowNumber());
        assertArrayEquals(new String[] {null, null, null}, bad.values());
        assertFalse(records.get(1).malformed());
        assertEquals(2, records.get(1).rowNumber());
    }

    @Test
    void longRowIsMalformedToo() throws IOException {
        RawRecord bad = read("a,b,c\n1,2,3,4\n", FileFormat.CSV, ABC).get(0);
        assertEquals("expected 3 fields, found 4", bad.malformedDetail());
        assertEquals("1,2,3,4", bad.rawText());
    }

    @Test
    void extraHeaderColumnsAreReportedAndIgnored() throws IOException {
        String content = "a,zz,b,c,yy\n1,x,2,3,y\n";
        try (LandingFileReader reader = reader(content, ABC)) {
            assertEquals(List.of("zz", "yy"), reader.extraColumns());
            assertEquals(List.of(), reader.missingColumns());
        }
        assertArrayEquals(new String[] {"1", "2", "3"}, read(content, FileFormat.CSV, ABC).get(0).values());
    }

    @Test
    void missingColumnIsReportedAndReadAsNull() throws IOException {
        String content = "a,c\n1,3\n";
        try (LandingFileReader reader = reader(content, ABC)) {
            assertEquals(List.of("b"), reader.missingColumns());
        }
        RawRecord record = read(content, FileFormat.CSV, ABC).get(0);
        assertFalse(record.malformed());
        assertArrayEquals(new String[] {"1", null, "3"}, record.values());
    }

    @Test
    void emptyAndQuotedEmptyFieldsAreNullAndBlankStaysAsReceived() throws IOException {
        RawRecord record = read("a,b,c\n,\"\",\"  \"\n", FileFormat.CSV, ABC).get(0);
        assertNull(record.values()[0]);
        assertNull(record.values()[1]);
        assertEquals("  ", record.values()[2]);
    }

    @Test
    void gzipCsvIsDecompressed() throws IOException {
        List<RawRecord> records = read(LandingFixture.gzipped("b,a,c\n2,1,3\n"), FileFormat.CSV_GZ, ABC);
        assertEquals(1, records.size());
        assertArrayEquals(new String[] {"1", "2", "3"}, records.get(0).values());
    }

    @Test
    void jsonLinesKeepNumbersAsWrittenAndMissingKeysAreNull() throws IOException {
        String content = String.join("\n",
                "{\"a\":\"x\",\"b\":85.50,\"c\":60}",
                "{\"a\":\"y\",\"c\":null}",
                "{\"a\":\"z\",\"b\":1E+2,\"c\":true}") + "\n";
        List<RawRecord> records = read(content, FileFormat.JSONL, ABC);
        assertEquals(3, records.size());
        assertEquals("x", records.get(0).values()[0]);
        assertEquals(0, new java.math.BigDecimal("85.5").compareTo(new java.math.BigDecimal(records.get(0).values()[1])));
        assertEquals("60", records.get(0).values()[2]);
        assertArrayEquals(new String[] {"y", null, null}, records.get(1).values());
        assertArrayEquals(new String[] {"z", "100", "true"}, records.get(2).values());
        assertEquals(List.of(1L, 2L, 3L), records.stream().map(RawRecord::rowNumber).toList());
    }

    /**
     * Bronze keeps "the string received": a JSON number 85.50 must stay "85.50", not lose its trailing zero
     * (Jackson's JsonNodeFactory strips trailing zeros of BigDecimal nodes unless told not to).
     */
    @Test
    void jsonNumbersKeepTheirWrittenScale() throws IOException {
        List<RawRecord> records = read("{\"a\":85.50,\"b\":100.00,\"c\":-0.10}\n", FileFormat.JSONL, ABC);
        assertArrayEquals(new String[] {"85.50", "100.00", "-0.10"}, records.get(0).values());
    }

    @Test
    void brokenJsonLineIsMalformedAndTheNextLineIsStillRead() throws IOException {
        String content = String.join("\n",
                "{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\"}",
                "{\"a\":\"oops\", \"b\":",
                "[1,2,3]",
                "{\"a\":\"4\",\"b\":\"5\",\"c\":\"6\"}") + "\n";
        List<RawRecord> records = read(content, FileFormat.JSONL, ABC);
        assertEquals(4, records.size());
        assertFalse(records.get(0).malformed());
        RawRecord broken = records.get(1);
        assertTrue(broken.malformed());
        assertTrue(broken.malformedDetail().startsWith("not valid JSON"), broken.malformedDetail());
        assertEquals("{\"a\":\"oops\", \"b\":", broken.rawText());
        assertEquals(2, broken.rowNumber());
        assertArrayEquals(new String[] {null, null, null}, broken.values());
        assertEquals("not a JSON object", records.get(2).malformedDetail());
        assertEquals(3, records.get(2).rowNumber());
        assertArrayEquals(new String[] {"4", "5", "6"}, records.get(3).values());
        assertEquals(4, records.get(3).rowNumber());
    }

    @Test
    void jsonLinesWithBomAndGzip() throws IOException {
        byte[] gz = LandingFixture.gzipped("\uFEFF{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\"}\n");
        List<RawRecord> records = read(gz, FileFormat.JSONL_GZ, ABC);
        assertEquals(1, records.size());
        assertFalse(records.get(0).malformed(), String.valueOf(records.get(0).malformedDetail()));
        assertArrayEquals(new String[] {"1", "2", "3"}, records.get(0).values());
    }
}
