package se.kundkonto.demo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Escaping for everything the inbox takes from an e-mail, and clickable links in plain text. */
final class Html {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+");
    /** Sentence punctuation right after a link is prose, not part of the address. */
    private static final String TRAILING = ".,;:!?)]";

    private Html() {}

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** Escapes the text and turns each http(s) address into a link whose href is exactly that address. */
    static String linkify(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        Matcher m = LINK.matcher(text);
        int done = 0;
        while (m.find()) {
            String url = m.group();
            while (TRAILING.indexOf(url.charAt(url.length() - 1)) >= 0) {
                url = url.substring(0, url.length() - 1);
            }
            String shown = escape(url);
            out.append(escape(text.substring(done, m.start())))
                    .append("<a href=\"")
                    .append(shown)
                    .append("\">")
                    .append(shown)
                    .append("</a>");
            done = m.start() + url.length();
        }
        return out.append(escape(text.substring(done))).toString();
    }
}
