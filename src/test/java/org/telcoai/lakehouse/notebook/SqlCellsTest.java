package org.telcoai.lakehouse.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SqlCellsTest {

    @Test
    void sqlCellIsACodeCellWhoseFirstLineIsTheMagic() {
        assertEquals(Optional.of("SELECT 1"), SqlCells.sqlBody("%%sql\nSELECT 1"));
        assertEquals(Optional.of("SELECT 1\n"), SqlCells.sqlBody("%%sql  \r\nSELECT 1\n"));
        assertEquals(Optional.of(""), SqlCells.sqlBody("%%sql"));
        // Arguments name another connection or options: not ours to run.
        assertEquals(Optional.empty(), SqlCells.sqlBody("%%sql duckdb://\nSELECT 1"));
        assertEquals(Optional.empty(), SqlCells.sqlBody("%sql SELECT 1"));
        assertEquals(Optional.empty(), SqlCells.sqlBody("print(1)\n%%sql\nSELECT 1"));
        assertEquals(Optional.empty(), SqlCells.sqlBody("\n%%sql\nSELECT 1"));
    }

    @Test
    void splitsOnSemicolonsAtLineEndAndDropsTheTrailingOne() {
        assertEquals(List.of("CREATE TEMP VIEW v AS SELECT 1 AS x", "SELECT x\nFROM v"),
                SqlCells.split("CREATE TEMP VIEW v AS SELECT 1 AS x;\nSELECT x\nFROM v;\n"));
        assertEquals(List.of("SELECT 1"), SqlCells.split("SELECT 1;"));
        assertEquals(List.of("SELECT 1"), SqlCells.split("\n  SELECT 1  ;  \n\n"));
        assertEquals(List.of("SELECT 1", "SELECT 2"), SqlCells.split("SELECT 1;\r\nSELECT 2"));
        assertEquals(List.of(), SqlCells.split(""));
        assertEquals(List.of(), SqlCells.split(" ;\n;\n"));
    }

    @Test
    void semicolonsInsideStringsAndIdentifiersDoNotSplit() {
        String sql = "SELECT 'a;\n' AS s, \"b;\" AS t, `c;\n` AS u;\nSELECT 'it\\'s;\n' AS v, 'x'';\n' AS w;";
        assertEquals(List.of("SELECT 'a;\n' AS s, \"b;\" AS t, `c;\n` AS u", "SELECT 'it\\'s;\n' AS v, 'x'';\n' AS w"),
                SqlCells.split(sql));
    }

    @Test
    void commentsNeverEndAStatementAndCommentOnlyPiecesAreNotStatements() {
        String sql = "-- first;\nSELECT 1 -- one;\n; -- after the end\n/* block;\n /* nested; */ still;\n */\n"
                + "SELECT 2;\n-- only a comment at the end;\n";
        assertEquals(List.of("-- first;\nSELECT 1 -- one;", "-- after the end\n/* block;\n /* nested; */ still;\n */\n"
                + "SELECT 2"), SqlCells.split(sql));
    }

    @Test
    void aSemicolonFollowedByMoreCodeOnItsLineDoesNotSplit() {
        // The contract ends statements at line end only; Spark reports the leftover text itself.
        assertEquals(List.of("SELECT 1; SELECT 2"), SqlCells.split("SELECT 1; SELECT 2;"));
    }

    @Test
    void anUnclosedStringRunsToTheEnd() {
        assertEquals(List.of("SELECT 1", "SELECT 'open;\nSELECT 3;"), SqlCells.split("SELECT 1;\nSELECT 'open;\nSELECT 3;"));
    }
}
