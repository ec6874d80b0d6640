package org.telcoai.lakehouse.demo;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Replaces a fraction of rows with the defects real feeds have, and adds exact duplicates (re-sent rows, which
 * are valid and therefore not counted as bad). One instance per dataset, fed rows in a fixed order, so the
 * defects land on the same rows on every run.
 */
final class Defects {

    /** Where the defect kinds apply, by column index; -1 or empty when the dataset has no such column. */
    record Spec(int[] required, int[] decimals, int[] integers, int[] dates, int[] timestamps,
                int[] enums, String[][] badEnumValues, int[] refs, String[] badRefs, int currency,
                int positiveInt) {
    }

    enum Kind { TRUNCATED, WRONG_TYPE, IMPOSSIBLE_DATE, TIMESTAMP_WITHOUT_OFFSET, UNKNOWN_ENUM, UNKNOWN_REFERENCE,
        UNKNOWN_CURRENCY, EMPTY_REQUIRED, NON_POSITIVE_UNITS }

    private static final String[] BAD_DECIMALS = {"12,5x", "1.234,56", "n/a", "EUR 1200", "--5"};
    private static final String[] BAD_INTEGERS = {"abc", "8.5", "eight", "1e3"};
    private static final String[] BAD_DATES = {"2025-02-30", "2023-13-01", "2024-06-31", "31/12/2024", "2022-00-10"};

    private final Spec spec;
    private final double fraction;
    private final SplittableRandom rnd;
    private final Kind[] kinds;
    private long bad;
    private long duplicates;
    /** Per key of a valid row: the delivery of its first valid row, and whether a later delivery re-sent it. */
    private final Map<String, LocalDate> firstValidDelivery = new HashMap<>();
    private long keysResentLater;

    Defects(Spec spec, double fraction, long seed) {
        this.spec = spec;
        this.fraction = fraction;
        this.rnd = new SplittableRandom(seed);
        List<Kind> k = new ArrayList<>();
        k.add(Kind.TRUNCATED);
        k.add(Kind.EMPTY_REQUIRED);
        if (spec.decimals().length + spec.integers().length > 0) {
            k.add(Kind.WRONG_TYPE);
        }
        if (spec.dates().length + spec.timestamps().length > 0) {
            k.add(Kind.IMPOSSIBLE_DATE);
        }
        if (spec.timestamps().length > 0) {
            k.add(Kind.TIMESTAMP_WITHOUT_OFFSET);
        }
        if (spec.enums().length > 0) {
            k.add(Kind.UNKNOWN_ENUM);
        }
        if (spec.refs().length > 0) {
            k.add(Kind.UNKNOWN_REFERENCE);
        }
        if (spec.currency() >= 0) {
            k.add(Kind.UNKNOWN_CURRENCY);
        }
        if (spec.positiveInt() >= 0) {
            k.add(Kind.NON_POSITIVE_UNITS);
        }
        this.kinds = k.toArray(new Kind[0]);
    }

    long bad() {
        return bad;
    }

    long duplicates() {
        return duplicates;
    }

    /** Distinct keys among the valid rows: the rows silver must hold. */
    long validKeys() {
        return firstValidDelivery.size();
    }

    /** Keys with a valid row in a later delivery than their first valid row: silver holds the later version. */
    long keysResentLater() {
        return keysResentLater;
    }

    /**
     * Writes {@code row} (a valid row), or a defective version of it, and sometimes an exact duplicate after it.
     * {@code key} identifies the row as the dataset's key columns do once typed (instants, not their text).
     */
    void emit(RowSink sink, String[] row, String key) throws IOException {
        double u = fraction <= 0 ? 1 : rnd.nextDouble();
        if (u < fraction) {
            writeDefect(sink, row);
            bad++;
            return;
        }
        sink.row(row);
        if (u < fraction * 1.5) {
            sink.row(row);
            duplicates++;
        }
        LocalDate first = firstValidDelivery.putIfAbsent(key, sink.delivery());
        if (first != null && sink.delivery().isAfter(first)
                && firstValidDelivery.replace(key, first, LocalDate.MAX)) {
            // LocalDate.MAX marks the key as counted: a third delivery of it is not a second re-send.
            keysResentLater++;
        }
    }

    private void writeDefect(RowSink sink, String[] row) throws IOException {
        Kind kind = kinds[rnd.nextInt(kinds.length)];
        String[] v = row.clone();
        switch (kind) {
            case TRUNCATED -> {
                // At least two columns short, so that a required column is always missing.
                int keep = 1 + rnd.nextInt(row.length - 2);
                String[] t = new String[keep];
                System.arraycopy(row, 0, t, 0, keep);
                if (sink.isJson() && rnd.nextBoolean()) {
                    // A line cut off mid-write: not valid JSON at all.
                    String full = sink.render(row);
                    sink.raw(full.substring(0, 1 + rnd.nextInt(full.length() - 2)));
                    return;
                }
                sink.row(t);
                return;
            }
            case WRONG_TYPE -> {
                int nd = spec.decimals().length;
                int i = rnd.nextInt(nd + spec.integers().length);
                if (i < nd) {
                    v[spec.decimals()[i]] = pick(BAD_DECIMALS);
                } else {
                    v[spec.integers()[i - nd]] = pick(BAD_INTEGERS);
                }
            }
            case IMPOSSIBLE_DATE -> {
                int nd = spec.dates().length;
                int i = rnd.nextInt(nd + spec.timestamps().length);
                if (i < nd) {
                    v[spec.dates()[i]] = pick(BAD_DATES);
                } else {
                    int c = spec.timestamps()[i - nd];
                    String ts = row[c];
                    v[c] = "2025-02-30" + ts.substring(10);
                }
            }
            case TIMESTAMP_WITHOUT_OFFSET -> {
                int c = spec.timestamps()[rnd.nextInt(spec.timestamps().length)];
                v[c] = row[c].substring(0, 19); // yyyy-MM-ddTHH:mm:ss
            }
            case UNKNOWN_ENUM -> {
                int i = rnd.nextInt(spec.enums().length);
                String[] bad = spec.badEnumValues()[i];
                v[spec.enums()[i]] = bad[rnd.nextInt(bad.length)];
            }
            case UNKNOWN_REFERENCE -> v[spec.refs()[rnd.nextInt(spec.refs().length)]] = pick(spec.badRefs());
            case UNKNOWN_CURRENCY -> v[spec.currency()] = rnd.nextBoolean() ? "XXX" : "EURO";
            case EMPTY_REQUIRED -> v[spec.required()[rnd.nextInt(spec.required().length)]] = "";
            case NON_POSITIVE_UNITS -> v[spec.positiveInt()] = rnd.nextBoolean() ? "0" : "-" + row[spec.positiveInt()];
            default -> throw new IllegalStateException(kind.name());
        }
        sink.row(v);
    }

    private String pick(String[] a) {
        return a[rnd.nextInt(a.length)];
    }
}
