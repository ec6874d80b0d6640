package org.telcoai.lakehouse.export;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the export of one date was made from (the Delta version of every table it read) and what it wrote, in
 * {@code <directory>/.export.json}. A run that finds the same versions (nothing new arrived, no report changed)
 * keeps the files instead of collecting every table and drawing every chart again: on the demo that is most of a
 * night with nothing new. Written as JSON with the configuration library the project already uses.
 */
public final class ExportManifest {

    public static final String FILE = ".export.json";

    private ExportManifest() { }

    /**
     * The export in {@code directory} when it was made from exactly {@code versions} and every file it wrote is still
     * there; empty otherwise (no manifest, another version of any table, a file deleted, an unreadable manifest).
     */
    public static Optional<ExportResult> upToDate(Path directory, Map<String, Long> versions) {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Config manifest = ConfigFactory.parseFile(file.toFile());
            Map<String, Long> made = new LinkedHashMap<>();
            manifest.getObject("versions").unwrapped().forEach((table, version) ->
                    made.put(table, ((Number) version).longValue()));
            if (!made.equals(versions)) {
                return Optional.empty();
            }
            Map<String, Path> csvFiles = new LinkedHashMap<>();
            Map<String, Integer> rowCounts = new LinkedHashMap<>();
            for (String table : manifest.getStringList("tables")) {
                csvFiles.put(table, directory.resolve(manifest.getString("csv-files.\"" + table + "\"")));
                rowCounts.put(table, manifest.getInt("row-counts.\"" + table + "\""));
            }
            ExportResult result = new ExportResult(directory, csvFiles, rowCounts,
                    directory.resolve(manifest.getString("html-file")), manifest.getStringList("chart-ids"),
                    manifest.getStringList("no-data-charts"), manifest.getStringList("missing-tables"));
            boolean complete = Files.isRegularFile(result.htmlFile())
                    && result.csvFiles().values().stream().allMatch(Files::isRegularFile);
            return complete ? Optional.of(result) : Optional.empty();
        } catch (ConfigException | ClassCastException e) {
            return Optional.empty(); // written by another version, or damaged: export again
        }
    }

    /**
     * Records {@code result} as made from {@code versions}. Written after the export and atomically, so it never
     * vouches for half an export.
     */
    public static void write(Map<String, Long> versions, ExportResult result) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("versions", new LinkedHashMap<>(versions));
        manifest.put("tables", List.copyOf(result.csvFiles().keySet()));
        Map<String, String> csvFiles = new LinkedHashMap<>();
        result.csvFiles().forEach((table, path) -> csvFiles.put(table, path.getFileName().toString()));
        manifest.put("csv-files", csvFiles);
        manifest.put("row-counts", new LinkedHashMap<>(result.rowCounts()));
        manifest.put("html-file", result.htmlFile().getFileName().toString());
        manifest.put("chart-ids", result.chartIds());
        manifest.put("no-data-charts", result.noDataCharts());
        manifest.put("missing-tables", result.missingTables());
        String json = ConfigValueFactory.fromMap(manifest).render(ConfigRenderOptions.concise().setFormatted(true));
        Path target = result.directory().resolve(FILE);
        Path tmp = result.directory().resolve(FILE + ".tmp");
        try {
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
