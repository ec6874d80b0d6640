package org.telcoai.lakehouse.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the one jar: {@code lakehouse <subcommand> [options]}. */
@Command(name = "lakehouse", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Telco AI-factory lakehouse: ingests telco capex, electricity prices and GPU shipments into Delta tables.",
            "",
            "Landing zone layout: <landing>/<dataset>/<YYYY-MM-DD>/<file>.csv|.csv.gz|.jsonl|.jsonl.gz",
            "Tables: bronze.<dataset>, silver.<dataset>, quarantine.<dataset>, reference.<name>, gold.<report>, ops.ingest_log, ops.job_runs, ops.gold_watermarks"},
        subcommands = {NightlyCommand.class, BackfillCommand.class, IngestCommand.class, ReportCommand.class,
            ImportCommand.class, GenerateCommand.class,
            TablesCommand.class, NotebookCommand.class, MaintainCommand.class, BenchCommand.class,
            SqlCommand.class, ServeCommand.class, MetastoreCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 the job failed (reason on stderr), 2 wrong usage."})
public final class LakehouseCli {

    private static final Logger LOG = LoggerFactory.getLogger(LakehouseCli.class);

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; the caller decides whether to exit the JVM. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** With a factory that can prepare each command (tests hand SparkJobs their shared session). */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        return new CommandLine(new LakehouseCli(), factory)
                // One line, like every other failure; the full usage is one --help away.
                .setParameterExceptionHandler((error, args) -> {
                    CommandLine command = error.getCommandLine();
                    command.getErr().println("error: " + oneLine(error) + " (see: "
                            + command.getCommandSpec().qualifiedName() + " --help)");
                    return 2;
                })
                .setExecutionExceptionHandler((error, commandLine, parseResult) -> {
                    LOG.error("{} failed", commandLine.getCommandName(), error);
                    commandLine.getErr().println("error: " + oneLine(error));
                    return error instanceof IllegalArgumentException ? 2 : 1;
                });
    }

    static String oneLine(Throwable error) {
        return org.telcoai.lakehouse.ops.RunAudit.oneLine(error);
    }
}
