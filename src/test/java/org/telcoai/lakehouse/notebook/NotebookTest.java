package org.telcoai.lakehouse.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON model: what it keeps, what it writes, and what it refuses. No Spark. */
class NotebookTest {

    @TempDir
    Path tmp;

    /** Written by Python's json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + newline, as nbformat does. */
    static String jupyterSaved() throws IOException {
        try (var in = NotebookTest.class.getResourceAsStream("/notebook/jupyter-saved.ipynb")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aNotebookJupyterSavedIsWrittenBackByteForByte() throws IOException {
        String saved = jupyterSaved();
        assertEquals(saved, Notebook.parse(saved).toJson());
        assertTrue(saved.contains("\"\\u001b[0;31mZeroDivisionError\\u001b[0m: division by zero\""), saved);
        assertTrue(saved.contains("\"ratio\": 1.0,"), saved);
        assertTrue(saved.contains("\"big\": 12345678901234567890,"), saved);
    }

    @Test
    void cellsExposeTypeNumberAndSourceFromStringOrLines() throws IOException {
        Notebook notebook = Notebook.parse(jupyterSaved());
        List<Notebook.Cell> cells = notebook.cells();
        assertEquals(List.of("markdown", "code", "raw", "code"), cells.stream().map(Notebook.Cell::type).toList());
        assertEquals(List.of(1, 2, 3, 4), cells.stream().map(Notebook.Cell::number).toList());
        assertEquals("# Énergie — prix\nPrices per zone; « quotes » & <tags>.\n\nEnd", cells.get(0).source());
        assertEquals("SELECT 1;", cells.get(2).source());
        assertEquals("", cells.get(3).source());
    }

    @Test
    void outputsAreWrittenAsJupyterWritesThem() {
        Notebook notebook = Notebook.parse("{\"cells\": [{\"cell_type\": \"code\", \"source\": \"%%sql\\nSELECT 1\","
                + " \"metadata\": {}, \"execution_count\": 7, \"outputs\": [{\"output_type\": \"stream\", \"name\":"
                + " \"stdout\", \"text\": \"old\"}]}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}");
        Notebook.Cell cell = notebook.cells().get(0);
        cell.clearOutputs();
        cell.setExecutionCount(1);
        cell.addExecuteResult(1, Map.of("text/plain", "x\n-\n1", "text/html", "<table></table>"));
        cell.addError("ParseException", "[PARSE_SYNTAX_ERROR] at 'x'", List.of("ParseException: a", "", "b"));
        assertEquals("""
                {
                 "cells": [
                  {
                   "cell_type": "code",
                   "source": "%%sql\\nSELECT 1",
                   "metadata": {},
                   "execution_count": 1,
                   "outputs": [
                    {
                     "data": {
                      "text/html": [
                       "<table></table>"
                      ],
                      "text/plain": [
                       "x\\n",
                       "-\\n",
                       "1"
                      ]
                     },
                     "execution_count": 1,
                     "metadata": {},
                     "output_type": "execute_result"
                    },
                    {
                     "ename": "ParseException",
                     "evalue": "[PARSE_SYNTAX_ERROR] at 'x'",
                     "output_type": "error",
                     "traceback": [
                      "ParseException: a",
                      "",
                      "b"
                     ]
                    }
                   ]
                  }
                 ],
                 "metadata": {},
                 "nbformat": 4,
                 "nbformat_minor": 5
                }
                """, notebook.toJson());
    }

    @Test
    void sqlLabelsAreAddedOnlyWhereAbsent() {
        Notebook bare = Notebook.parse("{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 4}");
        bare.labelAsSqlWhereUnset();
        assertEquals("sql", bare.metadata().path("language_info").path("name").asText());
        assertEquals("text/x-sql", bare.metadata().path("language_info").path("mimetype").asText());
        assertEquals("sql", bare.metadata().path("kernelspec").path("language").asText());
        assertEquals("lakehouse-sql", bare.metadata().path("kernelspec").path("name").asText());

        Notebook python = Notebook.parse("{\"cells\": [], \"metadata\": {\"kernelspec\": {\"name\": \"python3\","
                + " \"display_name\": \"Python 3\", \"language\": \"python\"}}, \"nbformat\": 4, \"nbformat_minor\": 4}");
        python.labelAsSqlWhereUnset();
        assertEquals("python3", python.metadata().path("kernelspec").path("name").asText());
        assertEquals("sql", python.metadata().path("language_info").path("name").asText());
    }

    @Test
    void writeReplacesTheFileAtomicallyKeepingItsPermissionsAndLeavesNoTemporaryFile() throws IOException {
        Path file = tmp.resolve("n.ipynb");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        Notebook notebook = Notebook.parse(jupyterSaved());
        notebook.write(file);
        assertEquals(jupyterSaved(), Files.readString(file));
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        notebook.write(tmp.resolve("sub/dir/out.ipynb"));
        assertEquals(jupyterSaved(), Files.readString(tmp.resolve("sub/dir/out.ipynb")));
        try (Stream<Path> files = Files.walk(tmp)) {
            assertEquals(List.of("n.ipynb", "out.ipynb"), files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void whatIsNotAnNbformat4NotebookIsRefusedWithTheReason() throws IOException {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Notebook.read(tmp.resolve("none.ipynb")))
                .getMessage().startsWith("notebook not found: "));
        Path broken = tmp.resolve("broken.ipynb");
        Files.writeString(broken, "{\"cells\": [");
        String message = assertThrows(IllegalArgumentException.class, () -> Notebook.read(broken)).getMessage();
        assertTrue(message.startsWith(broken + ": not valid JSON: "), message);
        assertEquals("not an nbformat 4 notebook (nbformat: 3)", assertThrows(IllegalArgumentException.class,
                () -> Notebook.parse("{\"nbformat\": 3, \"worksheets\": []}")).getMessage());
        assertEquals("notebook has no \"cells\" list", assertThrows(IllegalArgumentException.class,
                () -> Notebook.parse("{\"nbformat\": 4}")).getMessage());
        assertEquals("not a notebook: the JSON is not an object", assertThrows(IllegalArgumentException.class,
                () -> Notebook.parse("[]")).getMessage());
        assertEquals("cell 2: source is neither a string nor a list", assertThrows(IllegalArgumentException.class,
                () -> Notebook.parse("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"markdown\", \"source\": \"\"},"
                        + " {\"cell_type\": \"code\", \"source\": 5}]}")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Notebook.parse("{\"nbformat\": 4, \"cells\": []} x"))
                .getMessage().startsWith("not valid JSON: "));
    }
}
