package se.kundkonto.accounts;

import java.util.Locale;

/** A user's place in one customer account. */
public record Membership(String customerNumber, String companyName, CustomerRole role) {

    /** Whether a search finds it: the company name or the customer number contains the text, case-insensitively (blank finds all). */
    public boolean matches(String search) {
        String needle = searchText(search);
        if (needle == null) {
            return true;
        }
        return customerNumber.toLowerCase(Locale.ROOT).contains(needle)
                || companyName.toLowerCase(Locale.ROOT).contains(needle);
    }

    /** Longer searches are cut: no company name or customer number is longer. */
    public static final int MAX_SEARCH = 100;

    /**
     * A search as typed, made safe to query and to show again: control characters (which PostgreSQL refuses
     * in text) dropped, trimmed, cut to {@link #MAX_SEARCH} without splitting a character; null when nothing is left.
     */
    public static String cleanSearch(String search) {
        if (search == null) {
            return null;
        }
        String text = search.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
        if (text.length() > MAX_SEARCH) {
            text = text.substring(
                    0, Character.isHighSurrogate(text.charAt(MAX_SEARCH - 1)) ? MAX_SEARCH - 1 : MAX_SEARCH);
        }
        return text.isEmpty() ? null : text;
    }

    /** What a search looks for: {@link #cleanSearch}, lower-cased. */
    static String searchText(String search) {
        String text = cleanSearch(search);
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    /**
     * The LIKE pattern (escape character {@code !}) for "contains the search": {@link #searchText}, with the
     * wildcards {@code %} and {@code _} (and the escape character) taken literally; null when blank.
     */
    public static String containsPattern(String search) {
        String text = searchText(search);
        if (text == null) {
            return null;
        }
        StringBuilder pattern = new StringBuilder("%");
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == '!') {
                pattern.append('!');
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
