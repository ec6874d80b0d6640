package org.telcoai.lakehouse.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telcoai.lakehouse.testing.SharedSpark;

/** Notebooks written here to a temp folder, run on the shared SparkSession, read back as plain JSON. */
class NotebookRunnerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String CREATE_VIEW = "%%sql\n"
            + "CREATE OR REPLACE TEMPORARY VIEW nb_capex AS\n"
            + "SELECT * FROM VALUES ('SE', 'TELIA', 120.50BD), ('SE', 'TELE2', 30.25BD), ('DK', 'TDC', NULL)\n"
            + "  AS t(country, operator, capex);\n";
    static final String AGGREGATE = "%%sql\n"
            + "-- capex per country; a ';' in a string\n"
            + "SELECT country, count(*) AS operators, sum(capex) AS capex_usd, 'a;b' AS s\n"
            + "FROM nb_capex\n"
            + "GROUP BY country\n"
            + "ORDER BY country;\n";

    @TempDir
    Path tmp;

    @AfterEach
    void dropView() {
        SharedSpark.spark().catalog().dropTempView("nb_capex");
    }

    /** Markdown, the two SQL cells (with outputs and counts from an older run), a Python cell, metadata. */
    static ObjectNode notebook(String firstSql, String secondSql) {
        ObjectNode nb = JSON.createObjectNode();
        ArrayNode cells = nb.putArray("cells");
        ObjectNode markdown = cells.addObject().put("cell_type", "markdown").put("id", "md-1");
        markdown.putObject("metadata").putArray("tags").add("keep");
        markdown.putArray("source").add("# Capex per country\n").add("Two SQL cells & one Python cell.");
        cells.add(code("sql-1", firstSql, 9));
        cells.add(code("sql-2", secondSql, 10));
        ObjectNode python = code("py-1", "print('hello')  # not SQL", 4);
        cells.add(python);
        ObjectNode metadata = nb.putObject("metadata");
        metadata.putObject("kernelspec").put("display_name", "Python 3").put("language", "python")
                .put("name", "python3");
        metadata.putObject("custom").put("owner", "analysts").put("ratio", 1.5);
        nb.put("nbformat", 4).put("nbformat_minor", 5);
        return nb;
    }

    /** A code cell with one stale stream output from an earlier run. */
    static ObjectNode code(String id, String source, int oldCount) {
        ObjectNode cell = JSON.createObjectNode().put("cell_type", "code").put("execution_count", oldCount)
                .put("id", id);
        cell.putObject("metadata").put("scrolled", true);
        cell.putArray("outputs").addObject().put("name", "stdout").put("output_type", "stream")
                .put("text", "stale output " + oldCount);
        ArrayNode lines = cell.putArray("source");
        source.lines().forEach(line -> lines.add(line + "\n"));
        return cell;
    }

    private Path write(String name, JsonNode notebook) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(notebook));
        return file;
    }

    private static String joined(JsonNode lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line.asText()));
        return text.toString();
    }

    @Test
    void runsSqlCellsInOrderAndWritesTheirResultsLeavingEverythingElseAsItWas() throws IOException {
        ObjectNode original = notebook(CREATE_VIEW, AGGREGATE);
        Path file = write("capex.ipynb", original);

        NotebookRun run = new NotebookRunner(SharedSpark.spark(), 50).runFile(file, file);

        assertFalse(run.failed());
        assertEquals(2, run.sqlCellsRun());
        assertEquals(1, run.codeCellsSkipped());
        assertEquals(List.of(), run.cellsNotRun());
        String text = Files.readString(file);
        assertTrue(text.endsWith("}\n") && text.startsWith("{\n \"cells\": [\n  {\n   \"cell_type\": \"markdown\","),
                text);
        JsonNode written = JSON.readTree(text);
        JsonNode cells = written.get("cells");
        assertEquals(4, cells.size());
        assertEquals(original.get("cells").get(0), cells.get(0), "markdown cell untouched");
        assertEquals(original.get("cells").get(3), cells.get(3), "python cell untouched");

        JsonNode create = cells.get(1);
        assertEquals(1, create.get("execution_count").intValue());
        assertEquals(0, create.get("outputs").size(), "a CREATE VIEW has no result; the stale output is gone");
        assertEquals("sql-1", create.get("id").asText());
        assertTrue(create.get("metadata").get("scrolled").booleanValue());
        assertEquals(original.get("cells").get(1).get("source"), create.get("source"));

        JsonNode aggregate = cells.get(2);
        assertEquals(2, aggregate.get("execution_count").intValue());
        assertEquals(1, aggregate.get("outputs").size());
        JsonNode result = aggregate.get("outputs").get(0);
        assertEquals("execute_result", result.get("output_type").asText());
        assertEquals(2, result.get("execution_count").intValue());
        assertTrue(result.get("metadata").isObject() && result.get("metadata").isEmpty());
        assertEquals("""
                country | operators | capex_usd | s
                --------+-----------+-----------+----
                DK      |         1 |      NULL | a;b
                SE      |         2 |    150.75 | a;b""", joined(result.get("data").get("text/plain")));
        assertEquals("""
                <table>
                <thead>
                <tr><th>country</th><th>operators</th><th>capex_usd</th><th>s</th></tr>
                </thead>
                <tbody>
                <tr><td>DK</td><td>1</td><td>NULL</td><td>a;b</td></tr>
                <tr><td>SE</td><td>2</td><td>150.75</td><td>a;b</td></tr>
                </tbody>
                </table>""", joined(result.get("data").get("text/html")));
        assertTrue(result.get("data").get("text/plain").isArray(), "multi-line text as a list of lines, as Jupyter");

        JsonNode metadata = written.get("metadata");
        assertEquals(original.get("metadata").get("custom"), metadata.get("custom"));
        assertEquals(original.get("metadata").get("kernelspec"), metadata.get("kernelspec"), "a named kernel stays");
        assertEquals("sql", metadata.get("language_info").get("name").asText(), "absent language_info is set");
        assertEquals(4, written.get("nbformat").intValue());
        assertEquals(5, written.get("nbformat_minor").intValue());

        // Running it again on the same data changes nothing: a re-run is no diff in git.
        assertFalse(new NotebookRunner(SharedSpark.spark(), 50).runFile(file, file).failed());
        assertEquals(text, Files.readString(file));
    }

    @Test
    void aFailingStatementStopsTheRunWithAnErrorOutputInItsCellAndTheNotebookIsStillWritten() throws IOException {
        ObjectNode original = notebook(CREATE_VIEW,
                "%%sql\nSELECT country FROM nb_capex;\nSELECT capex FROM nb_capex_missing;\n");
        ObjectNode later = code("sql-3", "%%sql\nSELECT 1 AS one", 11);
        original.withArray("cells").add(later);
        Path input = write("in.ipynb", original);
        String inputBefore = Files.readString(input);
        Path output = tmp.resolve("out/run.ipynb");

        NotebookRun run = new NotebookRunner(SharedSpark.spark(), 50).runFile(input, output);

        assertTrue(run.failed());
        NotebookRun.Failure failure = run.failure().orElseThrow();
        assertEquals(3, failure.cell());
        assertEquals(2, failure.statement());
        assertEquals(2, failure.statements());
        assertEquals("AnalysisException", failure.errorClass());
        assertTrue(failure.describe().startsWith("cell 3, statement 2 of 2: AnalysisException: "
                + "[TABLE_OR_VIEW_NOT_FOUND] "), failure.describe());
        assertEquals(2, run.sqlCellsRun());
        assertEquals(List.of(5), run.cellsNotRun());

        assertEquals(inputBefore, Files.readString(input), "--output leaves the input alone");
        Notebook reread = Notebook.read(output);
        assertEquals(5, reread.cells().size());
        JsonNode cells = JSON.readTree(Files.readString(output)).get("cells");
        assertEquals(1, cells.get(1).get("execution_count").intValue());
        JsonNode failed = cells.get(2);
        assertEquals(2, failed.get("execution_count").intValue());
        assertEquals(1, failed.get("outputs").size(), "only the error: the first statement's rows are not shown");
        JsonNode error = failed.get("outputs").get(0);
        assertEquals("error", error.get("output_type").asText());
        assertEquals("AnalysisException", error.get("ename").asText());
        assertTrue(error.get("evalue").asText().startsWith("[TABLE_OR_VIEW_NOT_FOUND] The table or view "
                + "`nb_capex_missing` cannot be found."), error.get("evalue").asText());
        assertFalse(error.get("evalue").asText().contains("\n"));
        // The message, where it failed, and not the analysed plan (its expression ids change from run to run).
        assertEquals(List.of("AnalysisException: " + error.get("evalue").asText(),
                "If you did not qualify the name with a schema, verify the current_schema() output, or qualify the "
                        + "name with the correct schema and catalog.",
                "To tolerate the error on drop use DROP VIEW IF EXISTS or DROP TABLE IF EXISTS.; line 1 pos 18",
                "",
                "(cell 3, statement 2 of 2)"), JSON.convertValue(error.get("traceback"), List.class));
        assertEquals(original.get("cells").get(3), cells.get(3), "python cell untouched");
        assertEquals(later, cells.get(4), "a SQL cell after the failure is not run and keeps its old output");
    }

    @Test
    void aParseErrorIsNamedByItsFirstNonBlankMessageLine() {
        ObjectNode nb = JSON.createObjectNode();
        nb.putArray("cells").add(code("bad", "%%sql\nSELEC 1;", 1));
        nb.put("nbformat", 4).put("nbformat_minor", 5);
        Notebook notebook = Notebook.parse(nb.toString());

        NotebookRun run = new NotebookRunner(SharedSpark.spark(), 50).run(notebook);

        NotebookRun.Failure failure = run.failure().orElseThrow();
        assertEquals("ParseException", failure.errorClass());
        assertTrue(failure.errorLine().startsWith("[PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'"),
                failure.errorLine());
        JsonNode error = notebook.cells().get(0).json().get("outputs").get(0);
        assertEquals(failure.errorLine(), error.get("evalue").asText());
        // Spark's own pointer at the position is kept in the traceback.
        assertTrue(joinedLines(error.get("traceback")).contains("== SQL ==\nSELEC 1\n^^^"),
                error.get("traceback").toString());
        assertEquals("sql", notebook.metadata().get("kernelspec").get("language").asText());
    }

    private static String joinedLines(JsonNode lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line.asText()).append('\n'));
        return text.toString();
    }
}
