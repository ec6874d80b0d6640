package org.telcoai.lakehouse.notebook;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a notebook's SQL cells ({@link SqlCells}) in order in one SparkSession, so a view or setting made by one cell
 * is seen by the next, and writes each cell's result into the notebook as its output.
 *
 * <p>Per SQL cell: the old outputs are removed, the cell gets the next execution count (1, 2, 3... over the SQL
 * cells run), and each statement goes to {@code spark.sql}. The result of the cell's last statement, when it has
 * columns (a query, SHOW, DESCRIBE; not CREATE, INSERT, DROP), becomes an {@code execute_result} rendered by
 * {@link ResultRenderer}. An earlier statement that is a query is parsed and analysed but not run, since its rows
 * would not be shown; commands run when {@code spark.sql} is called, wherever they are.
 *
 * <p>The first failing statement stops the run: its cell gets an {@code error} output (ename the exception's
 * class, see {@link #errorName}, evalue its message's first line, traceback the whole message and where it happened). SQL cells after it
 * are not run and are left exactly as they were, old outputs and execution counts included, as Jupyter leaves
 * cells below an error; the log names them. Code cells without {@code %%sql}, markdown and raw cells are never
 * changed.
 */
public final class NotebookRunner {

    private static final Logger LOG = LoggerFactory.getLogger(NotebookRunner.class);

    private final SparkSession spark;
    private final int maxRows;

    public NotebookRunner(SparkSession spark, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("max rows must be at least 1, not " + maxRows);
        }
        this.spark = spark;
        this.maxRows = maxRows;
    }

    /** Reads {@code input}, runs it and writes it to {@code output} (which may be {@code input}), also on failure. */
    public NotebookRun runFile(Path input, Path output) {
        return runAndWrite(Notebook.read(input), output);
    }

    /** Runs the notebook and writes it to {@code output}, also when a cell failed, so the error shows where. */
    public NotebookRun runAndWrite(Notebook notebook, Path output) {
        NotebookRun run = run(notebook);
        notebook.write(output);
        LOG.info("Notebook written to {}: {} SQL cells run, {} other code cells skipped{}", output,
                run.sqlCellsRun(), run.codeCellsSkipped(),
                run.failure().map(f -> ", stopped at cell " + f.cell()).orElse(""));
        return run;
    }

    /** Runs the SQL cells, changing the notebook in memory. */
    public NotebookRun run(Notebook notebook) {
        notebook.labelAsSqlWhereUnset();
        int executionCount = 0;
        int skipped = 0;
        NotebookRun.Failure failure = null;
        List<Integer> notRun = new ArrayList<>();
        for (Notebook.Cell cell : notebook.cells()) {
            if (!cell.isCode()) {
                continue;
            }
            Optional<String> sql = SqlCells.sqlBody(cell.source());
            if (sql.isEmpty()) {
                skipped++;
                LOG.info("cell {}: skipped, a code cell without a {} first line", cell.number(), SqlCells.MAGIC);
                continue;
            }
            if (failure != null) {
                notRun.add(cell.number());
                continue;
            }
            executionCount++;
            failure = runCell(cell, sql.get(), executionCount);
        }
        if (!notRun.isEmpty()) {
            LOG.warn("SQL cells {} not run after the failure in cell {}; any outputs they show are from an earlier "
                    + "run", notRun, failure.cell());
        }
        return new NotebookRun(executionCount, skipped, Optional.ofNullable(failure), List.copyOf(notRun));
    }

    /** Runs one SQL cell; returns its failure, or null when every statement succeeded. */
    private NotebookRun.Failure runCell(Notebook.Cell cell, String sql, int executionCount) {
        List<String> statements = SqlCells.split(sql);
        cell.clearOutputs();
        cell.setExecutionCount(executionCount);
        long started = System.nanoTime();
        String rows = "no result";
        spark.sparkContext().setJobDescription("notebook cell " + cell.number());
        try {
            for (int i = 0; i < statements.size(); i++) {
                try {
                    Dataset<Row> result = spark.sql(statements.get(i));
                    if (i == statements.size() - 1 && !result.schema().isEmpty()) {
                        ResultRenderer.Rendered rendered = new ResultRenderer(maxRows, sessionZone()).render(result);
                        cell.addExecuteResult(executionCount,
                                Map.of("text/plain", rendered.text(), "text/html", rendered.html()));
                        rows = rendered.totalRows() + (rendered.totalRows() == 1 ? " row" : " rows");
                    }
                } catch (Exception e) {
                    NotebookRun.Failure failure = new NotebookRun.Failure(cell.number(), i + 1, statements.size(),
                            errorName(e), firstLine(e), e);
                    cell.addError(failure.errorClass(), failure.errorLine(), traceback(failure));
                    LOG.error("cell {} [{}]: statement {} of {} failed after {} s: {}: {}", cell.number(),
                            executionCount, i + 1, statements.size(), seconds(started), failure.errorClass(),
                            failure.errorLine());
                    return failure;
                }
            }
        } finally {
            spark.sparkContext().setJobDescription(null);
        }
        LOG.info("cell {} [{}]: {} statement{}, {}, {} s", cell.number(), executionCount, statements.size(),
                statements.size() == 1 ? "" : "s", rows, seconds(started));
        return null;
    }

    /** The zone timestamps are shown in: the session's, which a cell may have changed with SET. */
    private ZoneId sessionZone() {
        return ZoneId.of(spark.conf().get("spark.sql.session.timeZone"));
    }

    /**
     * The exception's class name, but the public {@code AnalysisException} for Spark's internal subclass
     * {@code ExtendedAnalysisException} that {@code spark.sql} throws: the name PySpark and Spark's documentation
     * use, and what a reader searches for.
     */
    static String errorName(Exception error) {
        Class<?> type = error.getClass();
        while (type.getSimpleName().equals("ExtendedAnalysisException") && type.getSuperclass() != null) {
            type = type.getSuperclass();
        }
        return type.getSimpleName();
    }

    /**
     * The error's message. For Spark's analysis errors, the message without the analysed plan that getMessage
     * appends: the plan's expression ids ({@code year#525}) change from run to run, so every run of an unchanged
     * failing notebook would be a new diff. (The log keeps the full message; parse errors keep their pointer at the
     * position.)
     */
    static String message(Throwable error) {
        if (error instanceof AnalysisException analysis && !(error instanceof ParseException)) {
            return analysis.getSimpleMessage();
        }
        return error.getMessage();
    }

    /** The first non-blank line of the message (Spark's parse errors start with a line feed). */
    static String firstLine(Throwable error) {
        String message = message(error);
        if (message == null) {
            return error.getClass().getSimpleName();
        }
        return message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                .orElse(error.getClass().getSimpleName());
    }

    /** The whole message (Spark's parse errors point at the position in it), then which statement it was. */
    static List<String> traceback(NotebookRun.Failure failure) {
        List<String> lines = new ArrayList<>();
        String message = message(failure.error()) == null ? "" : message(failure.error()).strip();
        List<String> messageLines = message.lines().toList();
        lines.add(failure.errorClass() + ": " + (messageLines.isEmpty() ? "" : messageLines.get(0)));
        lines.addAll(messageLines.subList(Math.min(1, messageLines.size()), messageLines.size()));
        lines.add("");
        lines.add("(cell " + failure.cell() + ", statement " + failure.statement() + " of " + failure.statements()
                + ")");
        return lines;
    }

    private static String seconds(long startedNanos) {
        return String.format(java.util.Locale.ROOT, "%.2f", (System.nanoTime() - startedNanos) / 1e9);
    }
}
