package org.telcoai.lakehouse.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Strict parser for one flat JSON object per line (string, number or null values), as the landing contract allows.
 * Hand-written because the test classpath mixes Jackson versions (databind newer than core).
 */
final class FlatJson {
    private final String s;
    private int i;

    private FlatJson(String s) {
        this.s = s;
    }

    /** Key -> value (numbers as their literal text, null as Java null); throws IllegalArgumentException if malformed. */
    static Map<String, String> parse(String line) {
        FlatJson p = new FlatJson(line);
        Map<String, String> m = p.object();
        p.ws();
        if (p.i != line.length()) {
            throw new IllegalArgumentException("trailing text");
        }
        return m;
    }

    private Map<String, String> object() {
        Map<String, String> m = new LinkedHashMap<>();
        expect('{');
        ws();
        if (peek() == '}') {
            i++;
            return m;
        }
        while (true) {
            ws();
            String k = string();
            ws();
            expect(':');
            ws();
            String v;
            char c = peek();
            if (c == '"') {
                v = string();
            } else if (s.startsWith("null", i)) {
                i += 4;
                v = null;
            } else {
                int st = i;
                while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                    i++;
                }
                v = s.substring(st, i);
                Double.parseDouble(v);
            }
            m.put(k, v);
            ws();
            char n = next();
            if (n == '}') {
                return m;
            }
            if (n != ',') {
                throw new IllegalArgumentException("expected , at " + i);
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\') {
                char e = next();
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private char peek() {
        if (i >= s.length()) {
            throw new IllegalArgumentException("unexpected end");
        }
        return s.charAt(i);
    }

    private char next() {
        char c = peek();
        i++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw new IllegalArgumentException("expected " + c + " at " + i);
        }
    }
}
