package org.telcoai.lakehouse.notebook;

import java.util.List;
import java.util.Optional;

/**
 * What a run did: SQL cells run (in order, each with its execution count), code cells skipped (not {@code %%sql}),
 * and the failure that stopped it, if any, with the SQL cells that were therefore not run.
 */
public record NotebookRun(int sqlCellsRun, int codeCellsSkipped, Optional<Failure> failure, List<Integer> cellsNotRun) {

    public boolean failed() {
        return failure.isPresent();
    }

    /** The first failing statement: cell number (1-based among all cells), statement number, and the error. */
    public record Failure(int cell, int statement, int statements, String errorClass, String errorLine,
                          Exception error) {

        /** One line for the command line and the log. */
        public String describe() {
            return "cell " + cell + ", statement " + statement + " of " + statements + ": " + errorClass + ": "
                    + errorLine;
        }
    }
}
