package org.telcoai.lakehouse.export;

/**
 * Escaping for text placed in the HTML page. Every string that comes from data (operator names and ids, vendor
 * names, zone names, country codes) goes through {@link #escape}.
 *
 * <p>Not {@code StringEscapeUtils.escapeHtml4}: that writes named entities such as {@code &eacute;} for non-ASCII
 * letters, which only an HTML parser knows, and leaves {@code '} alone. The page is UTF-8 and kept well-formed XML
 * (so a plain XML parser can check it), so this escapes the five markup characters with numeric/XML entities and
 * drops control characters that XML 1.0 forbids; everything else is written as itself.
 */
public final class Html {

    private Html() { }

    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
                    if (allowed) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
