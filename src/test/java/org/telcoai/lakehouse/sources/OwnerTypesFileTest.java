package org.telcoai.lakehouse.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.testing.SharedData;

/**
 * The curated owner file {@code conf/reference/owner-types.csv}, as packaged on the classpath under
 * {@code reference/}: it must parse, use only known codes, and cover every owner of an existing Epoch cluster
 * (an uncurated owner gets an empty operator_type and all its clusters are quarantined at ingest).
 */
class OwnerTypesFileTest {

    private static final List<String> HEADER = List.of("owner_name", "operator_id", "operator_type",
            "home_country_iso");

    private static List<String[]> rows() throws Exception {
        InputStream in = OwnerTypesFileTest.class.getClassLoader().getResourceAsStream("reference/owner-types.csv");
        assertNotNull(in, "classpath resource reference/owner-types.csv");
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setLineSeparator("\n");
        settings.setLineSeparatorDetectionEnabled(true);
        settings.setSkipEmptyLines(false);
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return new CsvParser(settings).parseAll(reader);
        }
    }

    private static String key(String owner) {
        return owner.trim().toLowerCase(Locale.ROOT);
    }

    @Test
    void headerAndEveryRowAreWellFormed() throws Exception {
        List<String[]> rows = rows();
        assertEquals(HEADER, List.of(rows.get(0)));
        assertTrue(rows.size() > 1, "at least one owner");
        Set<String> countries = Set.of(Locale.getISOCountries());
        for (int i = 1; i < rows.size(); i++) {
            String[] r = rows.get(i);
            String line = "row " + (i + 1) + ": " + String.join(",", r);
            assertEquals(4, r.length, line);
            for (String v : r) {
                assertNotNull(v, line);
                assertFalse(v.isBlank(), line);
            }
            assertTrue(r[1].matches("[A-Z0-9_]+"), "operator_id " + line);
            assertTrue(Datasets.OPERATOR_TYPES.contains(r[2]), "operator_type " + line);
            assertTrue(countries.contains(r[3]), "home_country_iso " + line);
        }
    }

    @Test
    void ownerNamesUniqueAndOneTypeAndCountryPerOperatorId() throws Exception {
        List<String[]> rows = rows();
        Map<String, String> owners = new HashMap<>();
        Map<String, String> typeAndCountry = new HashMap<>();
        for (String[] r : rows.subList(1, rows.size())) {
            String previous = owners.put(key(r[0]), r[0]);
            assertEquals(null, previous, "owner_name listed twice (case-insensitive): " + r[0]);
            String tc = r[2] + "," + r[3];
            String seen = typeAndCountry.putIfAbsent(r[1], tc);
            assertTrue(seen == null || seen.equals(tc),
                    "operator_id " + r[1] + " maps to " + seen + " and to " + tc);
        }
    }

    @Test
    void everyOwnerOfAnExistingEpochClusterIsCurated() throws Exception {
        Path real = SharedData.file("epoch_ai_hardware", "gpu_clusters.csv");

        Set<String> curated = new java.util.HashSet<>();
        List<String[]> rows = rows();
        for (String[] r : rows.subList(1, rows.size())) {
            curated.add(key(r[0]));
        }

        CsvParserSettings settings = new CsvParserSettings();
        settings.setHeaderExtractionEnabled(true);
        settings.setMaxCharsPerColumn(-1);
        settings.setLineSeparatorDetectionEnabled(true);
        Set<String> uncurated = new TreeSet<>();
        long clusters = 0;
        try (Reader reader = Files.newBufferedReader(real, StandardCharsets.UTF_8)) {
            for (var rec : new CsvParser(settings).iterateRecords(reader)) {
                String status = rec.getString("Status");
                String owner = rec.getString("Owner");
                if ((status != null && status.trim().equalsIgnoreCase("Planned")) || owner == null
                        || owner.isBlank()) {
                    continue;
                }
                clusters++;
                String first = owner.trim().split(",")[0].trim();
                if (!curated.contains(key(first))) {
                    uncurated.add(first);
                }
            }
        }
        assertTrue(clusters > 0, "some non-planned clusters have an owner");
        assertEquals(new ArrayList<>(), new ArrayList<>(uncurated), "owners missing from owner-types.csv");
    }
}
