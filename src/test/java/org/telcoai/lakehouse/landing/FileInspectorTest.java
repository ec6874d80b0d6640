package org.telcoai.lakehouse.landing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.testing.LandingFixture;

/** Whole-file checks before any row is ingested. */
class FileInspectorTest {

    private static FileInspection inspect(String name, byte[] bytes) {
        LandingFile file = new LandingFile("operators", LocalDate.of(2026, 1, 5), "file:/landing/operators/" + name,
                name, bytes.length, 0L, FileFormat.fromFileName(name).orElse(null));
        return FileInspector.inspect(file, Datasets.OPERATORS, new ByteArrayInputStream(bytes));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void checksumAndSizeAreThoseOfTheStoredBytes() throws Exception {
        byte[] bytes = utf8(LandingFixture.OPERATORS_CSV);
        FileInspection inspection = inspect("operators.csv", bytes);
        assertTrue(inspection.readable(), inspection.problem());
        assertEquals(sha256(bytes), inspection.sha256());
        assertEquals(bytes.length, inspection.bytes());
        assertNull(inspection.note());
    }

    @Test
    void gzipChecksumIsOfTheCompressedFile() throws Exception {
        byte[] gz = LandingFixture.gzipped(LandingFixture.OPERATORS_CSV);
        FileInspection inspection = inspect("operators.csv.gz", gz);
        assertTrue(inspection.readable(), inspection.problem());
        assertEquals(sha256(gz), inspection.sha256());
        assertEquals(gz.length, inspection.bytes());
    }

    @Test
    void truncatedGzipIsUnreadableAndStillChecksummed() throws Exception {
        byte[] gz = LandingFixture.gzipped(LandingFixture.OPERATORS_CSV);
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);
        FileInspection inspection = inspect("operators.csv.gz", cut);
        assertFalse(inspection.readable());
        assertTrue(inspection.problem().startsWith("UNREADABLE"), inspection.problem());
        assertEquals(inspection.problem(), inspection.note());
        assertEquals(sha256(cut), inspection.sha256());
        assertEquals(cut.length, inspection.bytes());
    }

    @Test
    void nulBytesAreBinaryContent() {
        byte[] bytes = utf8("operator_id,name,operator_type,home_country_iso\nSKT,SK\u0000Telecom,TELCO,KR\n");
        FileInspection inspection = inspect("operators.csv", bytes);
        assertFalse(inspection.readable());
        assertTrue(inspection.problem().startsWith("BINARY_CONTENT"), inspection.problem());
    }

    @Test
    void emptyCsvIsEmptyFile() {
        FileInspection inspection = inspect("operators.csv", new byte[0]);
        assertFalse(inspection.readable());
        assertTrue(inspection.problem().startsWith("EMPTY_FILE"), inspection.problem());
    }

    @Test
    void headerOnlyCsvIsReadable() {
        FileInspection inspection = inspect("operators.csv",
                utf8("operator_id,name,operator_type,home_country_iso,parent_group\n"));
        assertTrue(inspection.readable(), inspection.problem());
    }

    @Test
    void headerMissingARequiredColumnIsBadHeaderNamingIt() {
        FileInspection inspection = inspect("operators.csv",
                utf8("operator_id,name,operator_type,parent_group\nSKT,SK Telecom,TELCO,\n"));
        assertFalse(inspection.readable());
        assertEquals("BAD_HEADER: required columns missing: home_country_iso", inspection.problem());
    }

    @Test
    void missingOptionalAndExtraColumnsAreNotedButReadable() {
        FileInspection inspection = inspect("operators.csv",
                utf8("operator_id,name,operator_type,home_country_iso,ceo\nSKT,SK Telecom,TELCO,KR,x\n"));
        assertTrue(inspection.readable(), inspection.problem());
        assertEquals(List.of("parent_group"), inspection.missingOptionalColumns());
        assertEquals(List.of("ceo"), inspection.extraColumns());
        assertEquals("optional columns absent: parent_group; extra columns ignored: ceo", inspection.note());
    }

    @Test
    void unsupportedExtensionIsRejected() throws Exception {
        byte[] bytes = utf8(LandingFixture.OPERATORS_CSV);
        FileInspection inspection = inspect("operators.xlsx", bytes);
        assertFalse(inspection.readable());
        assertTrue(inspection.problem().startsWith("UNSUPPORTED_FORMAT"), inspection.problem());
        assertEquals(sha256(bytes), inspection.sha256());
    }
}
