package org.telcoai.lakehouse.scheduling;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.telcoai.lakehouse.cli.LakehouseCli;
import org.w3c.dom.Document;
import picocli.CommandLine;

/** What the scheduling definitions must agree with, read from the project itself: pom.xml, jobs/jvm-options, the CLI. */
final class ProjectFacts {

    static final String MAIN_CLASS = LakehouseCli.class.getName();
    static final String NO_DEMO_DATA = "-Dlakehouse.demo.generate-when-landing-empty=false";

    private static final Document POM = parse(Path.of("pom.xml"));

    private ProjectFacts() { }

    private static Document parse(Path file) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** Text of the first element at a namespace-free path such as {@code /project/version} or {@code //name}. */
    static String pom(String path) {
        XPath xpath = XPathFactory.newInstance().newXPath();
        String localPath = path.replaceAll("/([a-zA-Z.]+)", "/*[local-name()='$1']");
        try {
            String value = xpath.evaluate(localPath, POM).trim();
            assertTrue(!value.isEmpty(), path + " in pom.xml");
            return value;
        } catch (javax.xml.xpath.XPathExpressionException e) {
            throw new IllegalArgumentException(path, e);
        }
    }

    /** The jar spark-submit runs: the shade plugin's attached artifact with its classifier. */
    static String clusterJar() {
        return pom("/project/artifactId") + "-" + pom("/project/version") + "-" + pom("//shadedClassifierName")
                + ".jar";
    }

    static String deltaPackage() {
        return "io.delta:delta-spark_" + pom("/project/properties/scala.binary.version") + ":"
                + pom("/project/properties/delta.version");
    }

    static List<String> jvmOptions() {
        try {
            List<String> options = Files.readAllLines(Path.of("jobs", "jvm-options")).stream().map(String::trim)
                    .filter(l -> !l.isEmpty()).toList();
            assertTrue(options.size() > 10, "jobs/jvm-options holds the --add-opens flags: " + options);
            return options;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every flag of jobs/jvm-options is one of the space-separated options given to a JVM. */
    static void assertHasEveryJvmOption(String where, String javaOptions) {
        List<String> given = Arrays.asList(javaOptions.trim().split("\\s+"));
        for (String flag : jvmOptions()) {
            assertTrue(given.contains(flag), where + " lacks " + flag + ": " + javaOptions);
        }
    }

    /** Parses a lakehouse command line as the jar would (options, converters), without running it. */
    static CommandLine.ParseResult parseLakehouseArgs(String where, List<String> args) {
        try {
            return new CommandLine(new LakehouseCli()).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new AssertionError(where + ": the jar would refuse " + args + ": " + e.getMessage(), e);
        }
    }

    /** The subcommand a parsed command line runs, e.g. {@code nightly}. */
    static String subcommand(CommandLine.ParseResult parsed) {
        assertTrue(parsed.hasSubcommand(), "a subcommand in " + parsed.originalArgs());
        return parsed.subcommand().commandSpec().name();
    }

}
