package org.telcoai.lakehouse.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shipped reference data (operators, sites, FX rates), read from the classpath ({@code /reference/...}, where
 * the pom packages {@code conf/reference}) or, when run from the source tree without a build, from conf/reference.
 * The generator draws buyers and sites from it, so generated ids always resolve against what the pipeline joins.
 */
final class Reference {

    record Operator(String id, String name, String type, String homeCountry, String parentGroup) {
    }

    record Site(String id, String operatorId, String country, String zone, double itCapacityMw, double pue,
                LocalDate commissioned) {
    }

    final List<Operator> operators;
    final Map<String, Operator> operatorById;
    final List<Site> sites;
    /** currency -> (month start -> USD per unit). */
    final Map<String, TreeMap<LocalDate, Double>> fx;

    private Reference(List<Operator> operators, List<Site> sites, Map<String, TreeMap<LocalDate, Double>> fx) {
        this.operators = List.copyOf(operators);
        Map<String, Operator> byId = new TreeMap<>();
        for (Operator o : operators) {
            byId.put(o.id(), o);
        }
        this.operatorById = Collections.unmodifiableMap(byId);
        this.sites = List.copyOf(sites);
        this.fx = fx;
    }

    static Reference load() throws IOException {
        List<Operator> ops = new ArrayList<>();
        for (String[] r : read("operators.csv")) {
            ops.add(new Operator(r[0], r[1], r[2], r[3], r[4]));
        }
        List<Site> sites = new ArrayList<>();
        for (String[] r : read("sites.csv")) {
            sites.add(new Site(r[0], r[1], r[2], r[3], Double.parseDouble(r[4]), Double.parseDouble(r[5]),
                    LocalDate.parse(r[6])));
        }
        Map<String, TreeMap<LocalDate, Double>> fx = new TreeMap<>();
        for (String[] r : read("fx_rates.csv")) {
            fx.computeIfAbsent(r[1], k -> new TreeMap<>()).put(LocalDate.parse(r[0]), Double.parseDouble(r[2]));
        }
        return new Reference(ops, sites, fx);
    }

    /** USD per unit of {@code currency} on the month start at or before {@code date}. */
    double usdPerUnit(String currency, LocalDate date) {
        if ("USD".equals(currency)) {
            return 1.0;
        }
        TreeMap<LocalDate, Double> m = fx.get(currency);
        if (m == null) {
            throw new IllegalStateException("No FX rates for " + currency + " in fx_rates.csv");
        }
        Map.Entry<LocalDate, Double> e = m.floorEntry(date);
        return (e != null ? e : m.firstEntry()).getValue();
    }

    private static List<String[]> read(String name) throws IOException {
        InputStream in = Reference.class.getResourceAsStream("/reference/" + name);
        if (in == null) {
            Path p = Path.of("conf", "reference", name);
            if (!Files.exists(p)) {
                throw new IOException("Reference file " + name + " neither on the classpath (/reference/) nor at " + p);
            }
            in = Files.newInputStream(p);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = r.readLine(); // header
            while ((line = r.readLine()) != null) {
                if (!line.isEmpty()) {
                    rows.add(parseCsvLine(line));
                }
            }
        }
        return rows;
    }

    /** RFC 4180 fields of one line (no embedded newlines in the reference files). */
    static String[] parseCsvLine(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (q) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else {
                        q = false;
                    }
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                q = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out.toArray(new String[0]);
    }
}
