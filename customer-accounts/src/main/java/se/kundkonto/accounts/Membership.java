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
        return customerNumber.toLowerCase(Locale.ROOT).contains(needle) || companyName.toLowerCase(Locale.ROOT).contains(needle);
    }

    /**
     * What a search looks for: control characters (which PostgreSQL refuses in text) dropped, trimmed,
     * lower-cased; null when nothing is left.
     */
    static String searchText(String search) {
        if (search == null) {
            return null;
        }
        String text = search.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        return text.isEmpty() ? null : text.toLowerCase(Locale.ROOT);
    }
}
