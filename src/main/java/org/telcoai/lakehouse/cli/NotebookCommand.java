package org.telcoai.lakehouse.cli;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.telcoai.lakehouse.config.LakehouseConfig;
import org.telcoai.lakehouse.notebook.Notebook;
import org.telcoai.lakehouse.notebook.NotebookRun;
import org.telcoai.lakehouse.notebook.NotebookRunner;
import org.telcoai.lakehouse.warehouse.Warehouse;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "notebook", mixinStandardHelpOptions = true,
        description = {"Jupyter notebooks (.ipynb) of SQL against the warehouse.",
            "A SQL cell is a code cell whose first line is %%%%sql; see 'notebook run --help'."},
        subcommands = {NotebookCommand.Run.class, CommandLine.HelpCommand.class})
final class NotebookCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: notebook run <file.ipynb>");
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Runs a notebook's SQL cells against the warehouse and writes the results into it.",
                "",
                "Cells run in order in one Spark session. A SQL cell is a code cell whose first line is %%%%sql; "
                    + "the rest is one or more statements, each ended by a ';' at the end of a line. Every "
                    + "statement runs; the rows of the last one become the cell's output, as a text and an HTML "
                    + "table of at most --max-rows rows, so the notebook shows them in Jupyter and on GitHub. "
                    + "Other code cells, markdown cells and metadata are left as they are.",
                "",
                "On the first failing statement the cell gets an error output, the notebook is written, and the "
                    + "command exits 1 naming the cell; SQL cells after it are not run and keep their old outputs."})
    static final class Run extends SparkJob {

        @Parameters(index = "0", paramLabel = "FILE.ipynb", description = "The notebook (nbformat 4 JSON).")
        Path file;

        @Option(names = "--output", paramLabel = "PATH",
                description = "Write the run notebook here instead of replacing FILE.ipynb.")
        Path output;

        @Option(names = "--max-rows", paramLabel = "N", defaultValue = "50",
                description = "Rows shown per result (default: ${DEFAULT-VALUE}); more are counted and noted.")
        int maxRows;

        private Notebook notebook;

        /** A missing or malformed notebook is a usage error found before Spark starts. */
        @Override
        void beforeSpark(LakehouseConfig config) {
            if (maxRows < 1) {
                throw new IllegalArgumentException("--max-rows must be at least 1, not " + maxRows);
            }
            notebook = Notebook.read(file);
        }

        @Override
        int run(LakehouseConfig config, SparkSession spark, Warehouse warehouse, String runId) {
            NotebookRun result = new NotebookRunner(spark, maxRows).runAndWrite(notebook,
                    output != null ? output : file);
            if (result.failed()) {
                NotebookRun.Failure failure = result.failure().orElseThrow();
                throw new NotebookFailedException(failure.describe(), failure.error());
            }
            return 0;
        }

        /** Notebooks read: one open in a notebook server must not hold up the night. */
        @Override
        boolean writesData() {
            return false;
        }
    }

    /** A statement failed: exit 1 with the cell and the error on one line (the notebook holds the details). */
    static final class NotebookFailedException extends RuntimeException {
        NotebookFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
