package org.telcoai.lakehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The maintain command's usage errors: all found before Spark starts, so no warehouse or metastore appears. */
class MaintainCommandTest {

    @TempDir
    Path tmp;

    private List<String> refused(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = LakehouseCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 3];
        all[0] = "maintain";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--warehouse";
        all[args.length + 2] = tmp.resolve("warehouse").toString();
        assertEquals(2, cli.execute(all), err.toString());
        assertTrue(Files.notExists(tmp.resolve("warehouse")), "no warehouse/metastore for a usage error");
        return err.toString().lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void retentionBelow168HoursWithoutForceIsUsageError() {
        assertEquals(List.of("error: VACUUM retention of 1 hours is below Delta's safe 168 hours: readers of older "
                + "versions and writers still running could lose files; pass --force to vacuum anyway"),
                refused("--retention-hours", "1"));
        assertEquals(1, refused("--retention-hours", "167.5").size());
    }

    @Test
    void retentionFromTheConfigurationIsCheckedToo() throws Exception {
        Path conf = tmp.resolve("short-retention.conf");
        Files.writeString(conf, "lakehouse.maintain.vacuum-retention-hours = 24\n");
        assertEquals(List.of("error: VACUUM retention of 24 hours is below Delta's safe 168 hours: readers of "
                + "older versions and writers still running could lose files; pass --force to vacuum anyway"),
                refused("--config", conf.toString()));
    }

    @Test
    void negativeRetentionIsRefusedEvenWithForce() {
        assertEquals(List.of("error: VACUUM retention must be 0 hours or more, not -1"),
                refused("--retention-hours", "-1", "--force"));
    }

    @Test
    void tableNamesOutsideTheProjectsSchemasOrNotPlainIdentifiersAreRefused() {
        for (String bad : List.of("energy_prices", "default.energy_prices", "silver.energy_prices; DROP TABLE x",
                "silver.`x`", "Silver.energy_prices", "silver.energy_prices.v1")) {
            List<String> lines = refused("--tables", bad);
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).contains("not a table name '" + bad + "'"), lines.get(0));
        }
    }

    @Test
    void skippingBothStepsIsUsageError() {
        assertEquals(List.of("error: --no-optimize and --no-vacuum together leave nothing to do"),
                refused("--no-optimize", "--no-vacuum"));
    }

    @Test
    void helpNamesTheOptionsAndTheRetentionRule() {
        StringWriter out = new StringWriter();
        CommandLine cli = LakehouseCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        assertEquals(0, cli.execute("maintain", "--help"));
        for (String expected : List.of("--tables=SCHEMA.TABLE", "--retention-hours=HOURS", "--force", "--no-vacuum",
                "--no-optimize", "below 168 hours is refused unless --force")) {
            assertTrue(out.toString().contains(expected), expected + " in\n" + out);
        }
    }
}
