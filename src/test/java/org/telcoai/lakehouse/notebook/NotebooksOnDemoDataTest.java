package org.telcoai.lakehouse.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.telcoai.lakehouse.datasets.Datasets;
import org.telcoai.lakehouse.demo.DemoDataGenerator;
import org.telcoai.lakehouse.demo.DemoOptions;
import org.telcoai.lakehouse.gold.GoldReports;
import org.telcoai.lakehouse.gold.ReportSettings;
import org.telcoai.lakehouse.landing.LandingZone;
import org.telcoai.lakehouse.pipeline.IngestJob;
import org.telcoai.lakehouse.pipeline.ReportJob;
import org.telcoai.lakehouse.testing.SharedSpark;
import org.telcoai.lakehouse.warehouse.Warehouse;

/**
 * Every notebook shipped in notebooks/ runs without an error on a small demo warehouse, each SQL cell with a result
 * that has rows: a misspelled filter value returns no rows without an error, and must fail here too.
 */
class NotebooksOnDemoDataTest {

    private static final LocalDate END = LocalDate.parse("2026-06-30");
    /** Three years hold two complete years and eight complete quarters: enough for the notebooks' growth rates. */
    private static final int YEARS = 3;
    private static SparkSession spark;

    @BeforeAll
    static void demoWarehouse() throws Exception {
        spark = SharedSpark.spark();
        SharedSpark.resetWarehouse();
        Warehouse warehouse = SharedSpark.warehouse();
        Path landing = SharedSpark.newTempDir("landing-notebooks-");
        new DemoDataGenerator(new DemoOptions(landing, 0.001, YEARS, 11L, 0.01, END, 1)).generate();
        new IngestJob(warehouse, new LandingZone(landing.toString(), spark.sparkContext().hadoopConfiguration()),
                "run-notebooks-test").run(END, Datasets.ALL);
        new ReportJob(warehouse, ReportSettings.DEFAULTS).run(GoldReports.ALL, true, "notebooks-demo");
    }

    private static List<Path> notebooks() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("notebooks"))) {
            return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    /** Notebook text fields are a string or a list of lines. */
    private static String text(JsonNode field) {
        if (!field.isArray()) {
            return field.asText();
        }
        StringBuilder joined = new StringBuilder();
        field.forEach(line -> joined.append(line.asText()));
        return joined.toString();
    }

    @Test
    void everyNotebookRunsAndEverySqlCellGetsRows() throws Exception {
        List<Path> notebooks = notebooks();
        assertTrue(notebooks.size() >= 2, "notebooks found: " + notebooks);
        Path out = SharedSpark.newTempDir("notebooks-out-");
        ObjectMapper json = new ObjectMapper();
        for (Path notebook : notebooks) {
            Path written = out.resolve(notebook.getFileName());
            NotebookRun run = new NotebookRunner(spark, 20).runFile(notebook, written);
            assertFalse(run.failed(), notebook + ": " + run.failure().map(NotebookRun.Failure::describe).orElse(""));
            int sqlCells = 0;
            for (JsonNode cell : json.readTree(written.toFile()).get("cells")) {
                String source = text(cell.get("source"));
                if (cell.get("cell_type").asText().equals("code") && source.startsWith("%%sql\n")) {
                    sqlCells++;
                    JsonNode outputs = cell.get("outputs");
                    assertEquals(1, outputs.size(), notebook + " cell without its one result: " + source);
                    assertEquals("execute_result", outputs.get(0).get("output_type").asText(), notebook + ": " + source);
                    String table = text(outputs.get(0).get("data").get("text/plain"));
                    assertFalse(table.endsWith("(no rows)"), notebook + " cell without rows: " + source);
                }
            }
            assertTrue(sqlCells > 0, notebook + " has no SQL cell");
            assertEquals(sqlCells, run.sqlCellsRun(), notebook.toString());
        }
    }
}
