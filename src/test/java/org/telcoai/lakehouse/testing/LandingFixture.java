package org.telcoai.lakehouse.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Writes hand-made files into {@code <root>/<dataset>/<date>/<name>}, the landing zone layout. */
public final class LandingFixture {

    public static final String OPERATORS_CSV = """
            operator_id,name,operator_type,home_country_iso,parent_group
            SKT,SK Telecom,TELCO,KR,SK Group
            MSFT,Microsoft,HYPERSCALER,US,
            DTAG,Deutsche Telekom,TELCO,DE,
            """;
    /** KRW: 0.00070 from 2025-12-01, 0.00072 from 2026-01-01; EUR: 1.05 from 2025-12-01 (its only rate). */
    public static final String FX_RATES_CSV = """
            rate_date,currency,usd_per_unit
            2025-12-01,KRW,0.00070
            2026-01-01,KRW,0.00072
            2025-12-01,EUR,1.05
            """;
    public static final String SITES_CSV = """
            site_id,operator_id,country_iso,zone,it_capacity_mw,pue,commissioned_date
            SITE-1,SKT,KR,KR,40.000,1.300,2025-06-01
            SITE-2,MSFT,US,ERCOT,120.5,1.2,
            """;

    private final Path root;

    public LandingFixture(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    /** The root as a string for LandingZone. */
    public String rootPath() {
        return root.toString();
    }

    public Path path(String dataset, String date, String name) {
        return root.resolve(dataset).resolve(date).resolve(name);
    }

    public Path bytes(String dataset, String date, String name, byte[] content) {
        Path file = path(dataset, date, name);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public Path text(String dataset, String date, String name, String content) {
        return bytes(dataset, date, name, content.getBytes(StandardCharsets.UTF_8));
    }

    public Path gzip(String dataset, String date, String name, String content) {
        return bytes(dataset, date, name, gzipped(content));
    }

    /** A gzip file cut short (the trailer and part of the deflate stream are missing). */
    public Path truncatedGzip(String dataset, String date, String name, String content) {
        byte[] full = gzipped(content);
        return bytes(dataset, date, name, Arrays.copyOf(full, full.length / 2));
    }

    public Path jsonLines(String dataset, String date, String name, String... lines) {
        String content = String.join("\n", lines) + "\n";
        return name.endsWith(".gz") ? gzip(dataset, date, name, content) : text(dataset, date, name, content);
    }

    /** The small operators, fx_rates and sites above, delivered on {@code date}. */
    public LandingFixture defaultReferences(String date) {
        text("operators", date, "operators.csv", OPERATORS_CSV);
        text("fx_rates", date, "fx_rates.csv", FX_RATES_CSV);
        text("sites", date, "sites.csv", SITES_CSV);
        return this;
    }

    public static byte[] gzipped(String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
