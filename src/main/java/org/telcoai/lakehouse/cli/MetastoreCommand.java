package org.telcoai.lakehouse.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.telcoai.lakehouse.config.LakehouseConfig;
import org.telcoai.lakehouse.spark.DerbyServer;
import org.telcoai.lakehouse.spark.LakehouseSpark;
import org.telcoai.lakehouse.spark.Metastore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "metastore", mixinStandardHelpOptions = true,
        description = {"The Derby network server that holds the catalog in server mode (lakehouse.metastore.mode, "
            + "the default), on 127.0.0.1:lakehouse.metastore.port (1527).",
            "Every Spark command starts it when it does not answer; it keeps running for the next ones until "
                + "'metastore stop'."},
        subcommands = {MetastoreCommand.Start.class, MetastoreCommand.Stop.class, MetastoreCommand.Status.class,
            CommandLine.HelpCommand.class})
final class MetastoreCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: metastore start|stop|status");
    }

    abstract static class Action implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Spec
        CommandSpec spec;

        @Override
        public final Integer call() throws Exception {
            LakehouseConfig config = common.load();
            return run(config, new DerbyServer(config.metastorePort()));
        }

        abstract int run(LakehouseConfig config, DerbyServer server) throws Exception;

        void out(String line) {
            spec.commandLine().getOut().println(line);
            spec.commandLine().getOut().flush();
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Starts the server for the warehouse's metastore folder unless one already answers.")
    static final class Start extends Action {
        @Override
        int run(LakehouseConfig config, DerbyServer server) throws Exception {
            Metastore metastore = LakehouseSpark.metastore(config, LakehouseSpark.qualify(config.warehouse()),
                    new SparkConf());
            if (metastore == null) {
                throw new IllegalArgumentException("the catalog is the Hive metastore at "
                        + "spark.hadoop.hive.metastore.uris: there is no Derby server to start");
            }
            server.ensureRunning(Path.of(metastore.dir()), config.metastoreStartTimeout());
            out("metastore server running on " + server.address() + ", catalog " + metastore.database());
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stops the server, closing its databases cleanly; running jobs that use it then fail.")
    static final class Stop extends Action {
        @Override
        int run(LakehouseConfig config, DerbyServer server) throws Exception {
            out(server.stop() ? "metastore server on " + server.address() + " stopped"
                    : "no metastore server on " + server.address());
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Exits 0 when the server answers, 1 when it does not.")
    static final class Status extends Action {
        @Override
        int run(LakehouseConfig config, DerbyServer server) {
            switch (server.probe()) {
                case RUNNING -> {
                    java.util.List<Long> pids = server.processes();
                    out("metastore server running on " + server.address()
                            + (pids.isEmpty() ? "" : " (pid " + pids.get(0) + ")"));
                    return 0;
                }
                case NOT_LISTENING -> {
                    spec.commandLine().getErr().println("error: no metastore server on " + server.address());
                    return 1;
                }
                default -> {
                    spec.commandLine().getErr().println("error: " + server.address()
                            + " is in use by a program that is not a Derby network server");
                    return 1;
                }
            }
        }
    }
}
