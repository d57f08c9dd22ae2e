package se.kundkonto.accounts;

import java.util.Locale;

/** A user's place in one customer account. */
public record Membership(String customerNumber, String companyName, CustomerRole role) {

    /** Whether a search finds it: the company name or the customer number contains the text, case-insensitively (blank finds all). */
    public boolean matches(String search) {
        if (search == null || search.isBlank()) {
            return true;
        }
        String needle = search.strip().toLowerCase(Locale.ROOT);
        return customerNumber.toLowerCase(Locale.ROOT).contains(needle) || companyName.toLowerCase(Locale.ROOT).contains(needle);
    }
}
